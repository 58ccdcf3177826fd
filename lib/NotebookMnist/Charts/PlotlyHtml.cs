using System.Globalization;
using System.Text;

namespace NotebookMnist.Charts;

/// <summary>The <c>text/html</c> form of a figure: a div and a script that draws it with plotly.js.</summary>
/// <remarks>
/// Offline only: the script draws with <c>window.Plotly</c> when the page has it (the runner's exported pages inline
/// plotly.js), or once the page's own scripts have loaded it; it never fetches anything. Where no plotly.js exists the
/// div says so (VS Code and Jupyter draw the <c>application/vnd.plotly.v1+json</c> output instead).
/// The div id is derived from the JSON, so re-runs produce identical output.
/// </remarks>
public static class PlotlyHtml
{
    /// <summary>What the div shows where the page has no plotly.js (nothing is fetched from a CDN).</summary>
    public const string NoPlotlyText = "(plotly chart: this page has no plotly.js; the figure is in the cell's application/vnd.plotly.v1+json output)";

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
        html.Append("  function later() { if (window.Plotly) draw(); else element.textContent = \"").Append(NoPlotlyText).Append("\"; }\n");
        html.Append("  if (document.readyState === \"complete\") later(); else window.addEventListener(\"load\", later);\n");
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
