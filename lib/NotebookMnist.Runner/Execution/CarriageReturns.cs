using System.Text.RegularExpressions;

namespace NotebookMnist.Runner.Execution;

/// <summary>Applies a terminal's carriage-return semantics to captured console text.</summary>
/// <remarks>
/// Progress bars (Keras's <c>Progbar</c> on a terminal, tqdm) redraw a line by writing '\r' and the new text. A
/// terminal shows only the last drawing; stored raw, a notebook output would keep every one. Like nbconvert's
/// <c>coalesce_streams</c>, text before a lone '\r' on the same line is dropped ("\r\n" line endings are kept).
/// </remarks>
internal static partial class CarriageReturns
{
    /// <summary>The text as a terminal would leave it: each line keeps what follows its last lone '\r'.</summary>
    public static string Collapse(string text) => text.Contains('\r') ? Overwritten().Replace(text, "") : text;

    [GeneratedRegex(@"[^\n]*\r(?!\n)")]
    private static partial Regex Overwritten();
}
