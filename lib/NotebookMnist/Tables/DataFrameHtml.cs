using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;

namespace NotebookMnist.Tables;

/// <summary>A <see cref="DataFrame"/> as an HTML <c>&lt;table&gt;</c>: the notebooks' table formatter.</summary>
/// <remarks>
/// Microsoft.Data.Analysis ships its own formatter as a kernel extension, but the kernel loads extensions only from a
/// <c>#r "nuget:"</c> package, not from a <c>#r</c> of a dll, so a notebook that references the library alone would
/// show a frame as a generic object tree. <see cref="NotebookSetup.Apply"/> registers this one instead. Long frames
/// show their first <see cref="HeadRows"/> and last <see cref="TailRows"/> rows with an ellipsis row between.
/// </remarks>
public static class DataFrameHtml
{
    /// <summary>Rows shown in full when the frame has at most this many.</summary>
    public const int MaxRows = 30;

    /// <summary>Leading rows shown when the frame is longer than <see cref="MaxRows"/>.</summary>
    public const int HeadRows = 20;

    /// <summary>Trailing rows shown when the frame is longer than <see cref="MaxRows"/>.</summary>
    public const int TailRows = 5;

    /// <summary>The HTML table: a header row of column names, an index column, one row per frame row, a size caption.</summary>
    /// <remarks>Numbers are written with invariant culture, floating point to 6 significant digits; null cells are empty.</remarks>
    public static string Format(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        long rows = frame.Columns.Count == 0 ? 0 : frame.Rows.Count;
        var html = new StringBuilder("<table class=\"notebook-mnist-dataframe\">\n<thead><tr><th></th>");
        foreach (var column in frame.Columns)
            html.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (long r in ShownRows(rows))
        {
            if (r < 0)
            {
                html.Append("<tr><td>…</td>");
                for (int c = 0; c < frame.Columns.Count; c++) html.Append("<td>…</td>");
                html.Append("</tr>\n");
                continue;
            }
            html.Append("<tr><td><b>").Append(r.ToString(CultureInfo.InvariantCulture)).Append("</b></td>");
            foreach (var column in frame.Columns)
                html.Append("<td>").Append(WebUtility.HtmlEncode(Cell(column[r]))).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append(CultureInfo.InvariantCulture, $"</tbody>\n<caption style=\"caption-side:bottom\">{rows} rows × {frame.Columns.Count} columns</caption>\n");
        return html.Append("</table>").ToString();
    }

    /// <summary>The cell text for one value: invariant numbers, floating point to 6 significant digits, null as "".</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    internal static IEnumerable<long> ShownRows(long rows)
    {
        if (rows <= MaxRows)
        {
            for (long r = 0; r < rows; r++) yield return r;
            yield break;
        }
        for (long r = 0; r < HeadRows; r++) yield return r;
        yield return -1; // the ellipsis row
        for (long r = rows - TailRows; r < rows; r++) yield return r;
    }
}
