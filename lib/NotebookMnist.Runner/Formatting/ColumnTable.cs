using System.Text;

namespace NotebookMnist.Runner.Formatting;

/// <summary>The <c>DisplayTable()</c> shape: one column per public property or field, one row per item.</summary>
internal static class ColumnTable
{
    /// <summary>Renders the items as an HTML column table (at most <c>ListExpansionLimit</c> rows, then a count).</summary>
    public static string ToHtml<T>(IEnumerable<T> source)
    {
        var (items, remaining, hasMore) = Members.Take(source, Microsoft.DotNet.Interactive.Formatting.Formatter.ListExpansionLimit);
        var first = items.FirstOrDefault(item => item is not null);
        var scalar = first is null || Scalars.IsScalar(first.GetType());
        var names = scalar ? ["value"] : Members.Of(first!).Select(m => m.Name).ToList();
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var name in names) html.Append("<td><span>").Append(HtmlValueFormatter.Encode(name)).Append("</span></td>");
        html.Append("</tr></thead><tbody>");
        foreach (var item in items)
        {
            html.Append("<tr>");
            var values = scalar || item is null ? [item] : Members.Of(item).Select(m => m.Value).ToList();
            foreach (var value in values) html.Append("<td>").Append(HtmlValueFormatter.Format(value, 1)).Append("</td>");
            html.Append("</tr>");
        }
        if (hasMore)
            html.Append($"<tr><td colspan=\"{names.Count}\"><i>{(remaining is { } n ? $"({n} more)" : "... (more)")}</i></td></tr>");
        return html.Append("</tbody></table>").Append(HtmlValueFormatter.Style).ToString();
    }
}
