using Microsoft.Data.Analysis;

namespace NotebookMnist.Tables;

/// <summary>A <see cref="DataFrame"/> as aligned plain text: the notebooks' text/plain formatter (the console's view).</summary>
/// <remarks>
/// <c>DataFrame.ToString()</c> pads every column to a fixed width, so a name longer than that runs into the next column
/// ("categorical_crossentropy0.8926"). Here each column is as wide as its widest entry, columns are two spaces apart,
/// and the rows shown are those of <see cref="DataFrameHtml"/> (head, "…", tail for long frames).
/// </remarks>
public static class DataFrameText
{
    /// <summary>The text table: a header line of column names, then one line per shown row; numbers as in <see cref="DataFrameHtml.Cell"/>.</summary>
    public static string Format(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        long rows = frame.Columns.Count == 0 ? 0 : frame.Rows.Count;
        var shown = DataFrameHtml.ShownRows(rows).ToList();
        var table = new List<string[]> { frame.Columns.Select(c => c.Name).ToArray() };
        table.AddRange(shown.Select(r => frame.Columns.Select(c => r < 0 ? "…" : DataFrameHtml.Cell(c[r])).ToArray()));
        var widths = Enumerable.Range(0, frame.Columns.Count).Select(c => table.Max(line => line[c].Length)).ToArray();
        return string.Join("\n", table.Select(line => string.Join("  ", line.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()));
    }
}
