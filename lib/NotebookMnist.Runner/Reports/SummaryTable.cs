using System.Globalization;
using System.Text;

namespace NotebookMnist.Runner.Reports;

/// <summary>The console summary: one row per notebook with code cells run, seconds and status.</summary>
public static class SummaryTable
{
    /// <summary>Renders the table (plain text, fixed-width columns).</summary>
    /// <param name="results">The notebooks that ran, in the named order.</param>
    /// <param name="ioErrors">One line per notebook that could not be read.</param>
    /// <param name="notStarted">The notebooks a Ctrl-C kept from starting.</param>
    public static string Render(IReadOnlyList<NotebookRunResult> results, IReadOnlyList<string> ioErrors, IReadOnlyList<string>? notStarted = null)
    {
        notStarted ??= [];
        var rows = results.Select(r => (Name: FailureReport.DisplayPath(r.NotebookPath),
            Cells: $"{r.CodeCells.Executed}/{r.CodeCells.Total}",
            Seconds: r.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture), Status: r.StatusText)).ToList();
        var width = Math.Max("Notebook".Length, rows.Select(r => r.Name.Length).Concat(notStarted.Select(n => n.Length)).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        text.Append($"{"Notebook".PadRight(width)}  {"Cells",7}  {"Seconds",8}  Status\n");
        text.Append(new string('-', width + 2 + 7 + 2 + 8 + 2 + 6)).Append('\n');
        foreach (var row in rows) text.Append($"{row.Name.PadRight(width)}  {row.Cells,7}  {row.Seconds,8}  {row.Status}\n");
        foreach (var error in ioErrors) text.Append($"{error}  ERROR\n");
        foreach (var name in notStarted) text.Append($"{name.PadRight(width)}  {"-",7}  {"-",8}  NOT STARTED (interrupted)\n");
        var failed = results.Count(r => !r.Succeeded);
        text.Append($"{results.Count} notebook(s): {results.Count - failed} ok, {failed} failed");
        if (ioErrors.Count > 0) text.Append($", {ioErrors.Count} unreadable");
        if (notStarted.Count > 0) text.Append($", {notStarted.Count} not started");
        return text.Append('\n').ToString();
    }
}
