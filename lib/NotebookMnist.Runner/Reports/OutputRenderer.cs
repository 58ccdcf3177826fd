using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NotebookMnist.Runner.Notebook;

namespace NotebookMnist.Runner.Reports;

/// <summary>Renders one nbformat output as HTML, choosing the richest mime type a static page can show.</summary>
public static class OutputRenderer
{
    /// <summary>Per-page state: whether plotly.js is needed and the plot scripts to run after the page loads.</summary>
    public sealed class Context
    {
        internal int NextPlot { get; set; }

        /// <summary>Whether a plot was rendered.</summary>
        public bool NeedsPlotly { get; internal set; }

        /// <summary>The <c>Plotly.newPlot</c> calls, run at the end of the page.</summary>
        public StringBuilder Scripts { get; } = new();
    }

    /// <summary>Renders an output object.</summary>
    public static string Render(JsonNode? output, Context context) => output?["output_type"]?.GetValue<string>() switch
    {
        "stream" => $"<pre class=\"output stream {Encode(output["name"]?.ToString() ?? "")}\">{AnsiHtml.Convert(JsonText.Join(output["text"]))}</pre>",
        "error" => $"<pre class=\"output error\">{AnsiHtml.Convert(Traceback(output["traceback"]))}</pre>",
        "display_data" or "execute_result" => RenderData(output["data"] as JsonObject ?? [], context),
        _ => "",
    };

    private static string RenderData(JsonObject data, Context context)
    {
        if (data["application/vnd.plotly.v1+json"] is JsonObject plot) return Plot(plot, context);
        if (data["text/html"] is { } html) return $"<div class=\"output html\">{JsonText.Join(html)}</div>";
        if (data["image/svg+xml"] is { } svg) return $"<div class=\"output svg\">{JsonText.Join(svg)}</div>";
        foreach (var mime in new[] { "image/png", "image/jpeg", "image/gif" })
            if (data[mime] is { } image)
                return $"<div class=\"output image\"><img src=\"data:{mime};base64,{JsonText.Join(image).Replace("\n", "")}\" alt=\"\"></div>";
        if (data["text/markdown"] is { } markdown) return $"<div class=\"output markdown\">{Markdown.ToHtml(JsonText.Join(markdown))}</div>";
        if (data["text/plain"] is { } text) return $"<pre class=\"output text\">{AnsiHtml.Convert(JsonText.Join(text))}</pre>";
        var first = data.FirstOrDefault();
        return first.Value is null ? "" : $"<pre class=\"output json\">{Encode(first.Value.ToJsonString())}</pre>";
    }

    private static string Plot(JsonObject figure, Context context)
    {
        var id = $"plot-{++context.NextPlot}";
        context.NeedsPlotly = true;
        var json = figure.ToJsonString().Replace("</", "<\\/");
        context.Scripts.Append($"<script>(function () {{ var f = {json}; if (window.Plotly) Plotly.newPlot('{id}', f.data || [], f.layout || {{}}, f.config || {{}}); "
            + $"else document.getElementById('{id}').textContent = 'plotly.js unavailable: ' + JSON.stringify(f).slice(0, 2000); }})();</script>\n");
        return $"<div class=\"output plot\" id=\"{id}\"></div>";
    }

    /// <summary>An error's traceback lines as one text: ours end in '\n' (nbformat's split), IPython's do not (Jupyter
    /// joins them with newlines, and colours them with ANSI escapes).</summary>
    private static string Traceback(JsonNode? lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines?.AsArray().Select(l => l?.ToString() ?? "") ?? [])
        {
            if (text.Length > 0 && text[^1] != '\n') text.Append('\n');
            text.Append(line);
        }
        return text.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
