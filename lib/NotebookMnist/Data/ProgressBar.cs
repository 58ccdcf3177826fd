namespace NotebookMnist.Data;

/// <summary>A one-line download progress bar: redrawn with \r on a terminal, a single closing line otherwise.</summary>
internal sealed class ProgressBar(TextWriter writer, string name, long? total)
{
    private const int Width = 30;
    private readonly bool _interactive = ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
    private readonly long _started = Environment.TickCount64;
    private int _lastPercent = -1;

    /// <summary>Redraws the bar when the percentage changed (terminal only).</summary>
    public void Report(long received)
    {
        if (!_interactive || total is not > 0) return;
        int percent = (int)(100 * received / total.Value);
        if (percent == _lastPercent) return;
        _lastPercent = percent;
        int filled = Width * percent / 100;
        writer.Write($"\r{name} [{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}% {Megabytes(received)}/{Megabytes(total.Value)} MB");
    }

    /// <summary>Ends the line with the size and the time taken.</summary>
    public void Finish(long received)
    {
        double seconds = (Environment.TickCount64 - _started) / 1000.0;
        writer.WriteLine($"{(_interactive ? "\r" : "")}{name}: {Megabytes(received)} MB in {seconds:0.0} s{new string(' ', 20)}");
    }

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
