using System.Globalization;
using System.Net;
using System.Text;
using NotebookMnist.Runner.IO;
using NotebookMnist.Runner.Notebook;

namespace NotebookMnist.Runner.Reports;

/// <summary>Self-contained HTML pages of executed notebooks (plotly.js inlined when a page has a plot), plus index.html.</summary>
public static class HtmlExporter
{
    /// <summary>The site index's file name; no notebook page takes it.</summary>
    public const string IndexName = "index.html";

    /// <summary>Writes one page per notebook and an index into <paramref name="folder"/>, each atomically; returns warnings.</summary>
    public static IReadOnlyList<string> WriteAll(IReadOnlyList<NotebookRunResult> results, string folder)
    {
        Directory.CreateDirectory(folder);
        var warnings = new List<string>();
        var plotly = new Lazy<string?>(() => PlotlyAsset.Load(warnings));
        var names = PageNames(results);
        for (var i = 0; i < results.Count; i++)
            AtomicFile.WriteAllText(Path.Combine(folder, names[i]), RenderPage(results[i].Document, plotly));
        AtomicFile.WriteAllText(Path.Combine(folder, IndexName), RenderIndex(results, names));
        return warnings;
    }

    /// <summary>
    /// Distinct page file names, one per notebook in order: <c>name.ipynb</c> → <c>name.html</c>; when that is taken
    /// (by <c>index.html</c> or an earlier notebook of the same name in another folder) → <c>folder-name.html</c>,
    /// then <c>name-2.html</c>, <c>name-3.html</c>…. Names compare ignoring case, as on macOS and Windows.
    /// </summary>
    public static IReadOnlyList<string> PageNames(IReadOnlyList<NotebookRunResult> results)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { IndexName };
        var names = new List<string>(results.Count);
        foreach (var result in results)
        {
            var stem = Path.GetFileNameWithoutExtension(result.NotebookPath);
            var parent = Path.GetFileName(Path.GetDirectoryName(result.NotebookPath)) ?? "";
            var name = stem + ".html";
            if (taken.Contains(name) && parent.Length > 0) name = $"{parent}-{stem}.html";
            for (var n = 2; taken.Contains(name); n++) name = $"{stem}-{n}.html";
            taken.Add(name);
            names.Add(name);
        }
        return names;
    }

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

    private static string RenderIndex(IReadOnlyList<NotebookRunResult> results, IReadOnlyList<string> names)
    {
        var rows = new StringBuilder();
        // Two notebooks of one name (from two folders) are told apart by their paths.
        var shared = results.GroupBy(r => Path.GetFileName(r.NotebookPath), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (r, page) in results.Zip(names))
        {
            var label = shared.Contains(Path.GetFileName(r.NotebookPath)) ? FailureReport.DisplayPath(r.NotebookPath) : Path.GetFileName(r.NotebookPath);
            rows.Append($"<tr class=\"{(r.Succeeded ? "ok" : "failed")}\"><td><a href=\"{Encode(page)}\">{Encode(label)}</a></td>"
                + $"<td>{r.CodeCells.Executed}/{r.CodeCells.Total}</td><td>{r.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}</td><td>{Encode(r.StatusText)}</td></tr>\n");
        }
        return $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Notebooks</title>\n<style>{PageStyle.Css}</style>\n</head>\n<body>\n<main>\n<h1>Notebooks</h1>\n"
            + $"<table class=\"index\"><thead><tr><th>Notebook</th><th>Cells</th><th>Seconds</th><th>Status</th></tr></thead><tbody>\n{rows}</tbody></table>\n</main>\n</body>\n</html>\n";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
