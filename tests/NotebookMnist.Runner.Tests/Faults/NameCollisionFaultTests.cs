using NotebookMnist.Runner.Cli;
using NotebookMnist.Runner.Notebook;
using NotebookMnist.Runner.Reports;

namespace NotebookMnist.Runner.Tests.Faults;

/// <summary>Issue 16, data loss: names never collide silently.</summary>
public class NameCollisionFaultTests
{
    [Fact]
    public async Task Run_SameFileNameInTwoFolders_UsageErrorNamingBothAndNothingWritten()
    {
        var folder = FaultKit.NewFolder();
        var a = FaultKit.Write(Directory.CreateDirectory(Path.Combine(folder, "a")).FullName, "01-x.ipynb", FaultKit.Notebook("1"));
        var b = FaultKit.Write(Directory.CreateDirectory(Path.Combine(folder, "b")).FullName, "01-X.ipynb", FaultKit.Notebook("2"));
        var output = Path.Combine(folder, "out");
        var stderr = new StringWriter();

        var code = await CommandLine.InvokeAsync([a, b, "-o", output, "--no-html", "--junit", Path.Combine(folder, "j.xml")], new StringWriter(), stderr);

        Assert.Equal(1, code);
        Assert.Contains("Expected notebooks with distinct file names", stderr.ToString());
        Assert.Contains(Path.Combine("a", "01-x.ipynb"), stderr.ToString());
        Assert.Contains(Path.Combine("b", "01-X.ipynb"), stderr.ToString());
        Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output, "*.ipynb").Any());
    }

    [Fact]
    public void PageNames_SameNameAndIndexNotebook_DistinctPagesNoneIsTheIndex()
    {
        var folder = FaultKit.NewFolder();
        var results = new[] { "a/01-x.ipynb", "b/01-x.ipynb", "a/index.ipynb", "b/INDEX.ipynb" }.Select(relative =>
        {
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            FaultKit.Write(Path.GetDirectoryName(path)!, Path.GetFileName(path), FaultKit.Notebook($"# {relative}"));
            return new NotebookRunResult { NotebookPath = path, Document = NotebookDocument.Load(path), Cells = [] };
        }).ToList();
        var html = Path.Combine(folder, "html");

        HtmlExporter.WriteAll(results, html);

        Assert.Equal(["01-x.html", "b-01-x.html", "a-index.html", "b-INDEX.html"], HtmlExporter.PageNames(results));
        Assert.Equal(5, Directory.GetFiles(html, "*.html").Length);
        Assert.Contains("<h1>Notebooks</h1>", File.ReadAllText(Path.Combine(html, "index.html")));
        Assert.Contains("a/index.ipynb", File.ReadAllText(Path.Combine(html, "a-index.html")));
        Assert.Contains("b/01-x.ipynb", File.ReadAllText(Path.Combine(html, "b-01-x.html")));
        Assert.Contains("href=\"b-01-x.html\"", File.ReadAllText(Path.Combine(html, "index.html")));
    }

    [Fact]
    public void NameCollision_DistinctNamesOrTheSameFileTwice_IsNoError()
    {
        Assert.Null(RunCommand.NameCollision(["/n/a.ipynb", "/n/b.ipynb"], "/out"));
        Assert.True(RunCommand.TryCollect([Path.Combine(Fixture.Source, "succeed.ipynb"), Path.Combine(Fixture.Source, ".", "succeed.ipynb")], out var notebooks, out _));
        Assert.Single(notebooks);
    }
}
