using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NotebookMnist.Keras;

/// <summary>Keras's progress bar: <c>1875/1875 [==============================] - 0s 20us/step - loss: 0.2901 - accuracy: 0.9183</c>.</summary>
/// <remarks>
/// On an interactive console the bar redraws in place with '\r' (at most every <c>interval</c>); otherwise
/// (output redirected: runner logs, CI, notebooks under the runner) only the final line of each epoch is written.
/// Values print as Keras does: 4 decimals, or 4-digit scientific notation below 1e-3.
/// </remarks>
public sealed class Progbar
{
    private readonly TextWriter _writer;
    private readonly Func<TimeSpan> _clock;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _start;
    private TimeSpan? _lastDraw;
    private int _lastWidth;

    /// <summary>Creates a bar for <paramref name="target"/> steps.</summary>
    /// <param name="target">Total number of steps (positive).</param>
    /// <param name="writer">Where to write; default <see cref="Console.Out"/>.</param>
    /// <param name="interactive">Redraw in place; default: true unless <see cref="Console.IsOutputRedirected"/> (always false for a non-console writer).</param>
    /// <param name="width">Bar width in characters, 30 as in Keras.</param>
    /// <param name="interval">Minimum time between redraws, 0.05 s as in Keras.</param>
    /// <exception cref="ArgumentOutOfRangeException">target or width is not positive.</exception>
    public Progbar(int target, TextWriter? writer = null, bool? interactive = null, int width = 30, TimeSpan? interval = null)
        : this(target, writer, interactive, width, interval, null)
    {
    }

    internal Progbar(int target, TextWriter? writer, bool? interactive, int width, TimeSpan? interval, Func<TimeSpan>? clock)
    {
        if (target <= 0)
            throw new ArgumentOutOfRangeException(nameof(target), $"Expected `target` to be a positive integer. Received: target={target}.");
        if (width <= 0)
            throw new ArgumentOutOfRangeException(nameof(width), $"Expected `width` to be a positive integer. Received: width={width}.");
        Target = target;
        Width = width;
        _writer = writer ?? Console.Out;
        Interactive = interactive ?? (writer is null && !Console.IsOutputRedirected);
        _interval = interval ?? TimeSpan.FromSeconds(0.05);
        if (clock is null)
        {
            var sw = Stopwatch.StartNew();
            clock = () => sw.Elapsed;
        }
        _clock = clock;
        _start = _clock();
    }

    /// <summary>The number of steps in one epoch.</summary>
    public int Target { get; }

    /// <summary>The bar width in characters.</summary>
    public int Width { get; }

    /// <summary>Whether the bar redraws in place.</summary>
    public bool Interactive { get; }

    /// <summary>Reports progress: <paramref name="current"/> steps done with the running <paramref name="values"/>.</summary>
    /// <param name="current">Steps done so far, 1…Target.</param>
    /// <param name="values">Named running values, e.g. ("loss", 0.29).</param>
    /// <param name="finalize">Ends the epoch: writes the final line and a newline.</param>
    public void Update(int current, ReadOnlySpan<(string Name, double Value)> values, bool finalize = false)
    {
        var now = _clock();
        if (!finalize && (!Interactive || _lastDraw is TimeSpan last && now - last < _interval && current < Target))
            return;
        _lastDraw = now;
        string line = Format(current, values, now - _start, finalize);
        if (Interactive)
        {
            int pad = Math.Max(0, _lastWidth - line.Length);
            _writer.Write("\r" + line + new string(' ', pad));
            _lastWidth = line.Length;
            if (finalize) _writer.WriteLine();
        }
        else
        {
            _writer.WriteLine(line);
        }
        _writer.Flush();
    }

    private string Format(int current, ReadOnlySpan<(string Name, double Value)> values, TimeSpan elapsed, bool finalize)
    {
        int digits = Target.ToString(CultureInfo.InvariantCulture).Length;
        var sb = new StringBuilder();
        sb.Append(current.ToString(CultureInfo.InvariantCulture).PadLeft(digits)).Append('/').Append(Target).Append(" [");
        int filled = (int)((long)Width * Math.Min(current, Target) / Target);
        if (filled > 0)
            sb.Append('=', filled - 1).Append(current < Target ? '>' : '=');
        sb.Append('.', Width - filled).Append(']');
        double seconds = elapsed.TotalSeconds;
        if (finalize || current >= Target)
            sb.Append(" - ").Append(Math.Round(seconds).ToString("0", CultureInfo.InvariantCulture)).Append("s ")
              .Append(PerStep(current > 0 ? seconds / current : 0));
        else
            sb.Append(" - ETA: ").Append(Eta(current > 0 ? seconds / current * (Target - current) : 0));
        foreach (var (name, value) in values)
            sb.Append(" - ").Append(name).Append(": ").Append(FormatValue(value));
        return sb.ToString();
    }

    /// <summary>Keras's value format: "0.2901", or "1.2346e-04" when |value| ≤ 1e-3 (so 0 prints as 0.0000e+00).</summary>
    internal static string FormatValue(double value) =>
        Math.Abs(value) > 1e-3
            ? value.ToString("0.0000", CultureInfo.InvariantCulture)
            : value.ToString("0.0000e+00", CultureInfo.InvariantCulture);

    private static string PerStep(double seconds) => seconds switch
    {
        >= 1 or 0 => seconds.ToString("0", CultureInfo.InvariantCulture) + "s/step",
        >= 1e-3 => (seconds * 1e3).ToString("0", CultureInfo.InvariantCulture) + "ms/step",
        _ => (seconds * 1e6).ToString("0", CultureInfo.InvariantCulture) + "us/step",
    };

    private static string Eta(double seconds)
    {
        int s = (int)seconds;
        return s > 3600 ? $"{s / 3600}:{s % 3600 / 60:00}:{s % 60:00}" : s > 60 ? $"{s / 60}:{s % 60:00}" : $"{s}s";
    }
}
