using System.Text.Json.Nodes;
using System.Xml.Linq;
using NotebookMnist.Runner.Cli;

namespace NotebookMnist.Runner.Tests.Faults;

/// <summary>Issue 16 and 13: the summary survives a cell that silences Console.Out; executed notebooks stay VS Code's
/// format, valid under nbformat, whatever the cells print.</summary>
public class ConsoleAndFormatFaultTests
{
    [Fact]
    public async Task Run_CellSetsConsoleOutToNull_SummaryAndResultsStillPrinted()
    {
        var folder = FaultKit.NewFolder();
        var notebook = FaultKit.Notebook(
            "Console.WriteLine(\"before\");",
            "Console.SetOut(System.IO.TextWriter.Null);",
            "Console.WriteLine(\"accuracy: 0.9\");");
        notebook["cells"]![2]!["metadata"]!["tags"] = new JsonArray("results");
        var path = FaultKit.Write(folder, "silence.ipynb", notebook);

        using var child = ChildRun.Start(folder, [path, "-o", Path.Combine(folder, "out"), "--no-html", "--junit", Path.Combine(folder, "j.xml")]);
        var code = await child.WaitAsync(TimeSpan.FromSeconds(180));

        Assert.Equal(0, code);
        Assert.Contains("silence.ipynb      3/3", child.Out);
        Assert.Contains("1 notebook(s): 1 ok, 0 failed", child.Out);
        Assert.Contains("JUnit: j.xml", child.Out);
    }

    [Fact]
    public async Task Run_InPlaceWithHostileOutput_StaysVsCodeFormatValidNbformatAndValidJUnit()
    {
        var folder = FaultKit.NewFolder();
        var path = FaultKit.Write(folder, "hostile.ipynb", FaultKit.Notebook(
            "# Hostile output",
            "Console.Write(\"\\u001b[31mred\\u001b[0m bell\\u0007 lone\" + \"\\ud800\" + \" end\\n\");",
            "\"display \\u0001\""));
        var junit = Path.Combine(folder, "junit.xml");

        var code = await CommandLine.InvokeAsync([path, "--in-place", "--no-html", "--junit", junit], new StringWriter(), new StringWriter());

        Assert.Equal(0, code);
        var written = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(".net-csharp", (string)written["metadata"]!["kernelspec"]!["name"]!);
        Assert.Equal("csharp", (string)written["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!);
        Assert.Equal(["cell0000", "cell0001", "cell0002"], written["cells"]!.AsArray().Select(c => (string)c!["id"]!));
        Assert.All(written["cells"]!.AsArray().Skip(1), c => Assert.Equal("csharp", (string)c!["metadata"]!["polyglot_notebook"]!["kernelName"]!));
        var stdout = string.Concat(written["cells"]![1]!["outputs"]![0]!["text"]!.AsArray().Select(l => (string)l!));
        Assert.Equal("\u001b[31mred\u001b[0m bell\u0007 lone\uFFFD end\n", stdout);
        Fixture.AssertValidNbformat(path);
        var system = XDocument.Load(junit).Descendants("system-out").First().Value;
        Assert.Equal("red bell\\u0007 lone\uFFFD end\n", system);
    }
}
