using System.Globalization;
using System.Net;
using System.Text;
using NotebookMnist.Runner.Notebook;

namespace NotebookMnist.Runner.Reports;

/// <summary>Self-contained HTML pages of executed notebooks (plotly.js inlined when a page has a plot), plus index.html.</summary>
public static class HtmlExporter
{
    /// <summary>Writes one page per notebook and an index into <paramref name="folder"/>; returns warnings.</summary>
    public static IReadOnlyList<string> WriteAll(IReadOnlyList<NotebookRunResult> results, string folder)
    {
        Directory.CreateDirectory(folder);
        var warnings = new List<string>();
        var plotly = new Lazy<string?>(() => PlotlyAsset.Load(warnings));
        foreach (var result in results)
            File.WriteAllText(Path.Combine(folder, PageName(result)), RenderPage(result.Document, plotly), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(folder, "index.html"), RenderIndex(results), new UTF8Encoding(false));
        return warnings;
    }

    /// <summary>The page file name of a notebook: <c>name.ipynb</c> → <c>name.html</c>.</summary>
    public static string PageName(NotebookRunResult result) => Path.GetFileNameWithoutExtension(result.NotebookPath) + ".html";

    /// <summary>Renders one notebook page; <paramref name="plotly"/> supplies plotly.js when a plot needs it.</summary>
    public static string RenderPage(NotebookDocument document, Lazy<string?> plotly)
    {
        var title = Path.GetFileNameWithoutExtension(document.Path);
        var body = new StringBuilder();
        var context = new OutputRenderer.Context();
        foreach (var cell in document.Cells) body.Append(RenderCell(cell, context));
        var script = context.NeedsPlotly && plotly.Value is { } js ? $"<script>{js.Replace("</script", "<\\/script")}</script>\n" : "";
        return $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{Encode(title)}</title>\n<style>{PageStyle.Css}</style>\n{script}</head>\n"
            + $"<body>\n<main>\n<p class=\"nav\"><a href=\"index.html\">All notebooks</a></p>\n{body}</main>\n{context.Scripts}</body>\n</html>\n";
    }

    private static string RenderCell(NotebookCell cell, OutputRenderer.Context context)
    {
        switch (cell.CellType)
        {
            case "markdown":
                return $"<div class=\"cell markdown\">{Markdown.ToHtml(cell.Source)}</div>\n";
            case "raw":
                return $"<div class=\"cell raw\"><pre>{Encode(cell.Source)}</pre></div>\n";
        }
        var count = cell.Node["execution_count"]?.ToString() ?? " ";
        var outputs = new StringBuilder();
        foreach (var output in cell.Node["outputs"]?.AsArray() ?? []) outputs.Append(OutputRenderer.Render(output, context));
        return $"<div class=\"cell code\"><div class=\"prompt\">[{Encode(count)}]:</div><pre class=\"source\"><code class=\"language-csharp\">{Encode(cell.Source)}</code></pre>"
            + $"<div class=\"outputs\">{outputs}</div></div>\n";
    }

    private static string RenderIndex(IReadOnlyList<NotebookRunResult> results)
    {
        var rows = new StringBuilder();
        foreach (var r in results)
            rows.Append($"<tr class=\"{(r.Succeeded ? "ok" : "failed")}\"><td><a href=\"{Encode(PageName(r))}\">{Encode(Path.GetFileName(r.NotebookPath))}</a></td>"
                + $"<td>{r.CodeCells.Executed}/{r.CodeCells.Total}</td><td>{r.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}</td><td>{Encode(r.StatusText)}</td></tr>\n");
        return $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Notebooks</title>\n<style>{PageStyle.Css}</style>\n</head>\n<body>\n<main>\n<h1>Notebooks</h1>\n"
            + $"<table class=\"index\"><thead><tr><th>Notebook</th><th>Cells</th><th>Seconds</th><th>Status</th></tr></thead><tbody>\n{rows}</tbody></table>\n</main>\n</body>\n</html>\n";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
