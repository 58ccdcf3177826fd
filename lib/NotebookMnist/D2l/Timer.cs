using System.Diagnostics;

namespace NotebookMnist.D2l;

/// <summary>Records running times, as d2l's Timer: <c>Start</c>, <c>Stop</c> (returns and keeps the seconds), <c>Avg</c>, <c>Sum</c>, <c>Cumsum</c>.</summary>
/// <remarks>
/// Starts on construction, like d2l's. <c>var timer = new Timer(); … timer.Stop()</c> gives the seconds since then.
/// d2l saves it in §2.2/§3.5; introduced in notebooks/03-dataset.ipynb.
/// </remarks>
public sealed class Timer
{
    private readonly List<double> _times = [];
    private long _start;

    /// <summary>Creates a timer and starts it.</summary>
    public Timer() => Start();

    /// <summary>The recorded times, in seconds, in order.</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>Starts (or restarts) the timer.</summary>
    public void Start() => _start = Stopwatch.GetTimestamp();

    /// <summary>Stops the timer, records the seconds since <see cref="Start"/> and returns them.</summary>
    public double Stop()
    {
        double seconds = Stopwatch.GetElapsedTime(_start).TotalSeconds;
        _times.Add(seconds);
        return seconds;
    }

    /// <summary>The mean recorded time in seconds.</summary>
    /// <exception cref="InvalidOperationException">No time has been recorded.</exception>
    public double Avg() => _times.Count > 0
        ? _times.Average()
        : throw new InvalidOperationException("Expected at least one recorded time (call Stop first). Received: none.");

    /// <summary>The total recorded time in seconds.</summary>
    public double Sum() => _times.Sum();

    /// <summary>The running totals of the recorded times, in seconds.</summary>
    public double[] Cumsum()
    {
        var sums = new double[_times.Count];
        double total = 0;
        for (int i = 0; i < sums.Length; i++) sums[i] = total += _times[i];
        return sums;
    }

    /// <summary>Text like "2.315 sec" (the last time), d2l's f'{timer.stop():.2f} sec' style.</summary>
    public override string ToString() => _times.Count > 0 ? $"{_times[^1]:F3} sec" : "Timer(running)";
}
