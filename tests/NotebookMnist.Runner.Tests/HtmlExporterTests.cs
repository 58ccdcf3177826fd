using NotebookMnist.Runner.Reports;

namespace NotebookMnist.Runner.Tests;

public class HtmlExporterTests
{
    [Fact]
    public async Task WriteAll_NotebooksWithMarkdownAndPlot_RendersPagesInlinesPlotlyAndIndexes()
    {
        var succeed = await Fixture.RunAsync("succeed.ipynb");
        var convention = await Fixture.RunAsync("convention.ipynb");
        var folder = Path.Combine(Path.GetDirectoryName(succeed.NotebookPath)!, "html");

        var warnings = HtmlExporter.WriteAll([succeed, convention], folder);

        Assert.Empty(warnings);
        var page = File.ReadAllText(Path.Combine(folder, "succeed.html"));
        Assert.Contains("<h1 id=\"succeed\">Succeed</h1>", page);
        Assert.Contains("<p>Every <em>output kind</em> in one notebook.</p>", page);
        Assert.Contains("<pre class=\"output stream stdout\">Hello from C#\n</pre>", page);
        Assert.Contains("<div class=\"output html\"><b>bold</b></div>", page);
        Assert.DoesNotContain("plotly.js v", page);
        Assert.DoesNotContain("src=\"http", page);
        var plotPage = File.ReadAllText(Path.Combine(folder, "convention.html"));
        Assert.Contains("plotly.js v", plotPage);
        Assert.Contains("<div class=\"output plot\" id=\"plot-1\"></div>", plotPage);
        Assert.Contains("<div class=\"output html\"><table><tr><td>grid</td></tr></table></div>", plotPage);
        var index = File.ReadAllText(Path.Combine(folder, "index.html"));
        Assert.Contains("<a href=\"succeed.html\">succeed.ipynb</a>", index);
        Assert.Contains("<a href=\"convention.html\">convention.ipynb</a>", index);
    }

    [Fact]
    public async Task WriteAll_FailedNotebook_ShowsErrorOutputAndFailedRow()
    {
        var failed = await Fixture.RunAsync("fail-runtime.ipynb");
        var folder = Path.Combine(Path.GetDirectoryName(failed.NotebookPath)!, "html");

        HtmlExporter.WriteAll([failed], folder);

        Assert.Contains("<pre class=\"output error\">System.InvalidOperationException: boom", File.ReadAllText(Path.Combine(folder, "fail-runtime.html")));
        Assert.Contains("<tr class=\"failed\">", File.ReadAllText(Path.Combine(folder, "index.html")));
    }
}
