namespace NotebookMnist.Runner.Formatting;

/// <summary>Text that is shown verbatim under one mime type (what <c>DisplayAs</c> produces).</summary>
internal sealed record RawMimeValue(string MimeType, string Text)
{
    public override string ToString() => Text;
}
