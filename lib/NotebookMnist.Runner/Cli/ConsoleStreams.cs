using System.Text;

namespace NotebookMnist.Runner.Cli;

/// <summary>
/// The process's own stdout and stderr, opened once at start-up. The runner writes its progress, summary and errors
/// here, never through <see cref="Console.Out"/>, so a cell that calls <c>Console.SetOut(TextWriter.Null)</c> cannot
/// silence them.
/// </summary>
public static class ConsoleStreams
{
    /// <summary>Standard output (UTF-8, flushed on every write).</summary>
    public static TextWriter Out { get; } = Open(Console.OpenStandardOutput());

    /// <summary>Standard error (UTF-8, flushed on every write).</summary>
    public static TextWriter Error { get; } = Open(Console.OpenStandardError());

    /// <summary>Opens both streams now (call first thing, before any cell can replace <see cref="Console.Out"/>).</summary>
    public static void Capture()
    {
        _ = Out;
        _ = Error;
    }

    private static TextWriter Open(Stream stream) =>
        TextWriter.Synchronized(new StreamWriter(stream, new UTF8Encoding(false), 4096, leaveOpen: true) { AutoFlush = true });
}
