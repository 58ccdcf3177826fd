using System.Text;

namespace NotebookMnist.Runner.Execution;

/// <summary>The output sink of the cell running in the current async flow (threads a cell starts inherit it).</summary>
internal static class CellContext
{
    private static readonly AsyncLocal<CellOutputSink?> CurrentSink = new();

    /// <summary>The running cell's sink, or null outside a cell.</summary>
    public static CellOutputSink? Current
    {
        get => CurrentSink.Value;
        set => CurrentSink.Value = value;
    }

    /// <summary>Writes a display made outside any cell to the console as plain text (or the first mime's text).</summary>
    public static void WriteOutsideCell(IReadOnlyDictionary<string, string> bundle)
    {
        var text = bundle.TryGetValue("text/plain", out var plain) ? plain : bundle.Values.FirstOrDefault() ?? "";
        ConsoleCapture.OriginalOut.WriteLine(text);
    }
}

/// <summary>Routes <c>Console.Out</c>/<c>Console.Error</c> to the running cell's sink; elsewhere to the real console.</summary>
internal static class ConsoleCapture
{
    private static readonly object Gate = new();
    private static bool _installed;

    public static TextWriter OriginalOut { get; private set; } = Console.Out;

    public static TextWriter OriginalError { get; private set; } = Console.Error;

    /// <summary>Installs the routing writers once per process; outside cells they pass text through unchanged.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            OriginalOut = Console.Out;
            OriginalError = Console.Error;
            Console.SetOut(new RoutingWriter("stdout", OriginalOut));
            Console.SetError(new RoutingWriter("stderr", OriginalError));
            _installed = true;
        }
    }

    private sealed class RoutingWriter(string stream, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => fallback.Encoding;

        public override void Write(char value) => Route(value.ToString());

        public override void Write(string? value) => Route(value ?? "");

        public override void Write(char[] buffer, int index, int count) => Route(new string(buffer, index, count));

        public override void WriteLine(string? value) => Route((value ?? "") + NewLine);

        public override void WriteLine() => Route(NewLine);

        public override void Flush() => fallback.Flush();

        private void Route(string text)
        {
            if (CellContext.Current is { } sink) sink.AppendStream(stream, text);
            else fallback.Write(text);
        }
    }
}
