using System.Text;

namespace NotebookMnist.Runner.Execution;

/// <summary>One output of an executed cell, before it is written as nbformat JSON.</summary>
public abstract class CellOutput
{
    private protected CellOutput() { }
}

/// <summary>Text written to <c>Console.Out</c> (<c>stdout</c>) or <c>Console.Error</c> (<c>stderr</c>).</summary>
public sealed class StreamOutput : CellOutput
{
    internal StreamOutput(string name) => Name = name;

    /// <summary><c>stdout</c> or <c>stderr</c>.</summary>
    public string Name { get; }

    internal StringBuilder Buffer { get; } = new();

    /// <summary>The text written, adjacent writes merged, with '\r' redraws collapsed as a terminal shows them.</summary>
    public string Text => CarriageReturns.Collapse(Buffer.ToString());
}

/// <summary>A displayed value (display, <c>.Display()</c>, a trailing expression, <c>#!time</c>).</summary>
public sealed class DisplayOutput : CellOutput
{
    internal DisplayOutput(string displayId, IReadOnlyDictionary<string, string> data)
    {
        DisplayId = displayId;
        Data = data;
    }

    /// <summary>The id an update targets.</summary>
    public string DisplayId { get; }

    /// <summary>The mime bundle: mime type → formatted text (base64 for images).</summary>
    public IReadOnlyDictionary<string, string> Data { get; internal set; }
}

/// <summary>A failure, written in VS Code's shape: ename "Error", evalue the message, traceback its lines.</summary>
public sealed class ErrorOutput : CellOutput
{
    internal ErrorOutput(string message) => Message = message;

    /// <summary>The full error text.</summary>
    public string Message { get; }
}
