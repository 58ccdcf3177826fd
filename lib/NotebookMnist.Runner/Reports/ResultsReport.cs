using System.Text;
using NotebookMnist.Runner.Execution;

namespace NotebookMnist.Runner.Reports;

/// <summary>
/// The console's results section: the text output of every code cell tagged <c>results</c>, per notebook.
/// </summary>
/// <remarks>
/// A notebook marks the cells whose output is its headline numbers (a table of accuracies, say) with the tag
/// <c>results</c>; the tag means nothing to VS Code, and after a headless run the runner prints those outputs under
/// the summary table so a CI log or a terminal shows the experiment's results, not only pass/fail.
/// </remarks>
public static class ResultsReport
{
    /// <summary>The tag that marks a results cell.</summary>
    public const string Tag = "results";

    /// <summary>Renders the section, or an empty string when no executed cell carries the tag.</summary>
    public static string Render(IReadOnlyList<NotebookRunResult> results)
    {
        var text = new StringBuilder();
        foreach (var notebook in results)
        {
            var cells = notebook.Cells.Where(c => c.Tags.Contains(Tag) && c.ExecutionCount is not null).ToList();
            if (cells.Count == 0) continue;
            text.Append('\n').Append(FailureReport.DisplayPath(notebook.NotebookPath)).Append('\n');
            foreach (var cell in cells)
                foreach (var line in TextOf(cell).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    text.Append("  ").Append(line.TrimEnd('\r')).Append('\n');
        }
        return text.Length == 0 ? "" : "\nResults" + text;
    }

    private static string TextOf(CellRunResult cell)
    {
        var text = new StringBuilder();
        foreach (var output in cell.Outputs)
        {
            if (output is StreamOutput stream && stream.Name == "stdout") text.Append(stream.Text);
            else if (output is DisplayOutput display && display.Data.TryGetValue("text/plain", out var plain)) text.Append(plain).Append('\n');
        }
        return text.ToString();
    }
}
