using System.Globalization;
using System.Text;

namespace NotebookMnist.Plotting;

/// <summary>The <c>text/html</c> form of a figure: a div and a script that draws it with plotly.js.</summary>
/// <remarks>
/// The script uses <c>window.Plotly</c> when the page already has it (the runner's exported pages inline it), and
/// otherwise loads plotly.js from <see cref="PlotlyFigure.PlotlyJsCdnUrl"/> once, then calls <c>Plotly.newPlot</c>.
/// The div id is derived from the JSON, so re-runs produce identical output.
/// </remarks>
public static class PlotlyHtml
{
    /// <summary>The HTML fragment for <paramref name="figure"/>.</summary>
    public static string Fragment(PlotlyFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        // "<" only occurs inside JSON strings, where \u003C means the same; no "</script>" or "<!--" can close the script.
        string json = figure.ToJson().Replace("<", "\\u003C", StringComparison.Ordinal);
        string id = figure.Id;
        string style = Size(figure.Layout.Width, figure.Layout.Height);
        var html = new StringBuilder();
        html.Append("<div>\n<div id=\"").Append(id).Append("\" class=\"notebook-mnist-plotly\"").Append(style).Append("></div>\n");
        html.Append("<script type=\"text/javascript\">\n(function () {\n");
        html.Append("  var id = \"").Append(id).Append("\", mine = document.currentScript && document.currentScript.previousElementSibling;\n");
        html.Append("  var element = mine && mine.id === id ? mine : document.getElementById(id);\n");
        html.Append("  var figure = ").Append(json).Append(";\n");
        html.Append("  function draw() { window.Plotly.newPlot(element, figure.data, figure.layout, figure.config); }\n");
        html.Append("  if (window.Plotly) { draw(); return; }\n");
        html.Append("  var src = \"").Append(PlotlyFigure.PlotlyJsCdnUrl).Append("\";\n");
        html.Append("  var script = document.querySelector('script[src=\"' + src + '\"]');\n");
        html.Append("  if (!script) { script = document.createElement(\"script\"); script.src = src; document.head.appendChild(script); }\n");
        html.Append("  script.addEventListener(\"load\", draw);\n");
        html.Append("})();\n</script>\n</div>");
        return html.ToString();
    }

    private static string Size(int? width, int? height)
    {
        if (width is null && height is null) return "";
        var style = new StringBuilder(" style=\"");
        if (width is int w) style.Append(CultureInfo.InvariantCulture, $"width:{w}px;");
        if (height is int h) style.Append(CultureInfo.InvariantCulture, $"height:{h}px;");
        return style.Append('"').ToString();
    }
}
