using System.Collections;
using System.Net;
using System.Text;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookMnist.Runner.Formatting;

/// <summary>The built-in <c>text/html</c> shapes of .NET Interactive: dni-plaintext scalars, tree views, index tables.</summary>
internal static class HtmlValueFormatter
{
    /// <summary>The style block appended once to every top-level built-in HTML output that uses dni classes.</summary>
    public const string Style =
        "<style>\n.dni-code-hint {\n    font-style: italic;\n    overflow: hidden;\n    white-space: nowrap;\n}\n"
        + ".dni-treeview {\n    white-space: nowrap;\n}\n.dni-treeview td {\n    vertical-align: top;\n    text-align: start;\n}\n"
        + "details.dni-treeview {\n    padding-left: 1em;\n}\ntable td {\n    text-align: start;\n}\n"
        + "table tr { \n    vertical-align: top; \n    margin: 0em 0px;\n}\ntable tr td pre \n{ \n    vertical-align: top !important; \n"
        + "    margin: 0em 0px !important;\n} \ntable th {\n    text-align: start;\n}\n</style>";

    /// <summary>Formats a top-level value, adding the style block when the shape uses dni classes.</summary>
    public static string FormatTopLevel(object? value)
    {
        var html = Format(value, 0);
        return UsesSpan(value) || value is HtmlString ? html : html + Style;
    }

    /// <summary>Formats a value nested at the given depth (no style block).</summary>
    public static string Format(object? value, int depth)
    {
        if (value is null) return PlainText("<null>");
        if (value is HtmlString html) return html.Value;
        if (depth > 0 && ValueFormatter.TryCustom(value, HtmlFormatter.MimeType) is { } custom) return custom;
        if (UsesSpan(value)) return $"<span>{Encode(Scalars.Text(value))}</span>";
        var type = value.GetType();
        if (Scalars.IsScalar(type)) return PlainText(Scalars.Text(value));
        if (depth > Formatter.RecursionLimit) return PlainText(Scalars.Text(value));
        return value switch
        {
            IDictionary dictionary => DictionaryTable(dictionary, depth),
            IEnumerable sequence => Sequence(sequence, depth),
            _ => TreeView(value, depth),
        };
    }

    /// <summary>HTML-encodes text (quotes and ampersands included).</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static bool UsesSpan(object? value) =>
        value is DateTime or DateTimeOffset or TimeSpan || value?.GetType().IsEnum == true;

    private static string PlainText(string text) => $"<div class=\"dni-plaintext\"><pre>{Encode(text)}</pre></div>";

    private static string TreeView(object value, int depth)
    {
        var summary = Scalars.Text(value).Replace("\r", "\\r").Replace("\n", "\\n");
        if (summary.Length > 300) summary = summary[..300] + "...";
        var open = depth < 2 ? " open=\"open\"" : "";
        var rows = new StringBuilder();
        foreach (var (name, member) in Members.Of(value))
            rows.Append("<tr><td>").Append(Encode(name)).Append("</td><td>").Append(Format(member, depth + 1)).Append("</td></tr>");
        return $"<details{open} class=\"dni-treeview\"><summary><span class=\"dni-code-hint\"><code>{Encode(summary)}</code></span>"
            + $"</summary><div><table><thead><tr></tr></thead><tbody>{rows}</tbody></table></div></details>";
    }

    private static string Sequence(IEnumerable sequence, int depth)
    {
        var (items, remaining, hasMore) = Members.Take(sequence, Formatter.ListExpansionLimit);
        if (Members.IsScalarSequence(sequence, items)) return PlainText(PlainTextValueFormatter.Format(sequence));
        if (items.Count == 0) return "<i>(empty)</i>";
        var withType = items.Select(item => item?.GetType()).Distinct().Count() > 1;
        var head = "<th><i>index</i></th>" + (withType ? "<th><i>type</i></th>" : "") + "<th>value</th>";
        var rows = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var typeCell = withType ? $"<td>{Encode(item is null ? "<null>" : TypeNames.Of(item.GetType()))}</td>" : "";
            rows.Append($"<tr><td>{i}</td>{typeCell}<td>{Format(item, depth + 1)}</td></tr>");
        }
        if (hasMore) rows.Append(MoreRow(withType ? 3 : 2, remaining));
        return $"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>";
    }

    private static string DictionaryTable(IDictionary dictionary, int depth)
    {
        var rows = new StringBuilder();
        var shown = 0;
        foreach (DictionaryEntry entry in dictionary)
        {
            if (shown++ == Formatter.ListExpansionLimit) { rows.Append(MoreRow(2, dictionary.Count - Formatter.ListExpansionLimit)); break; }
            rows.Append($"<tr><td>{Format(entry.Key, depth + 1)}</td><td>{Format(entry.Value, depth + 1)}</td></tr>");
        }
        if (shown == 0) return "<i>(empty)</i>";
        return $"<table><thead><tr><th><i>key</i></th><th>value</th></tr></thead><tbody>{rows}</tbody></table>";
    }

    private static string MoreRow(int columns, int? remaining) =>
        $"<tr><td colspan=\"{columns}\"><i>{(remaining is { } n ? $"({n} more)" : "... (more)")}</i></td></tr>";
}
