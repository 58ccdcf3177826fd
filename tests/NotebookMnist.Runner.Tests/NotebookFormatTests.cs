using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookMnist.Runner.Tests.Notebooks;

namespace NotebookMnist.Runner.Tests;

/// <summary>Checks the committed notebooks against the Polyglot spec (§1) and the series' conventions.</summary>
public class NotebookFormatTests
{
    /// <summary>The identical first code cell of every notebook (HELPERS.md's contract).</summary>
    private const string Setup = """
        #r "../lib/NotebookMnist/bin/NotebookMnist.dll"
        #r "../lib/NotebookMnist/bin/TorchSharp.dll"
        #r "../lib/NotebookMnist/bin/Microsoft.Data.Analysis.dll"
        using TorchSharp;
        using static TorchSharp.torch;
        using Microsoft.Data.Analysis;
        using NotebookMnist;
        NotebookSetup.Apply();
        """;

    public static TheoryData<string> Notebooks() => new(RepositoryPaths.NotebookNames());

    private static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.NotebooksFolder, name)))!.AsObject();

    private static string Source(JsonNode cell) => string.Concat(cell["source"]!.AsArray().Select(s => (string)s!));

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Metadata_EveryNotebook_OpensWithTheDotNetKernel(string name)
    {
        var nb = Load(name);
        Assert.Equal(4, (int)nb["nbformat"]!);
        Assert.Equal(5, (int)nb["nbformat_minor"]!);
        var kernelspec = nb["metadata"]!["kernelspec"]!;
        Assert.StartsWith(".net-", (string)kernelspec["name"]!);
        Assert.Equal(".net-csharp", (string)kernelspec["name"]!);
        Assert.Equal(".NET (C#)", (string)kernelspec["display_name"]!);
        Assert.Equal("C#", (string)kernelspec["language"]!);
        Assert.Equal("polyglot-notebook", (string)nb["metadata"]!["language_info"]!["name"]!);
        var kernelInfo = nb["metadata"]!["polyglot_notebook"]!["kernelInfo"]!;
        Assert.Equal("csharp", (string)kernelInfo["defaultKernelName"]!);
        Assert.Contains(kernelInfo["items"]!.AsArray(), item => (string)item!["name"]! == "csharp");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Cells_EveryNotebook_HaveIdsKernelKeysAndClearedOutputs(string name)
    {
        var cells = Load(name)["cells"]!.AsArray();
        var ids = cells.Select(c => (string)c!["id"]!).ToList();
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{8}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var cell in cells.Select(c => c!))
        {
            switch ((string)cell["cell_type"]!)
            {
                case "code":
                    Assert.Equal("csharp", (string)cell["metadata"]!["dotnet_interactive"]!["language"]!);
                    Assert.Equal("csharp", (string)cell["metadata"]!["polyglot_notebook"]!["kernelName"]!);
                    Assert.Empty(cell["outputs"]!.AsArray());
                    Assert.Null(cell["execution_count"]);
                    Assert.True(cell.AsObject().ContainsKey("execution_count"), "Expected execution_count: null on a code cell.");
                    break;
                case "markdown":
                    Assert.Empty(cell["metadata"]!.AsObject());
                    Assert.False(cell.AsObject().ContainsKey("outputs"), "Expected no outputs key on a markdown cell.");
                    break;
                default:
                    Assert.Fail($"Expected code or markdown cells. Received: {cell["cell_type"]} in {name}.");
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Layout_EveryNotebook_StartsWithTitleThenTheSetupCell(string name)
    {
        var cells = Load(name)["cells"]!.AsArray();
        Assert.Equal("markdown", (string)cells[0]!["cell_type"]!);
        string intro = Source(cells[0]!);
        Assert.Matches(@"^# \S.*\n\n", intro);
        Assert.Contains("you will learn", intro, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("code", (string)cells[1]!["cell_type"]!);
        string setup = Source(cells[1]!);
        Assert.Equal(Setup, setup);
    }

    [Fact]
    public void Layout_AllNotebooks_ShareTheIdenticalSetupCell()
    {
        var setups = RepositoryPaths.NotebookNames().Select(n => Source(Load(n)["cells"]![1]!)).Distinct().ToList();
        Assert.Single(setups);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Headings_EverySection_CarriesItsChineseTitle(string name)
    {
        var headings = Load(name)["cells"]!.AsArray()
            .Where(c => (string)c!["cell_type"]! == "markdown")
            .SelectMany(c => Source(c!).Split('\n'))
            .Where(line => Regex.IsMatch(line, "^#{2,3} "))
            .ToList();
        Assert.True(headings.Count >= 4, $"Expected at least 4 section headings in {name}. Received: {headings.Count}.");
        // The seeds' own Chinese headings where they have them; a section the seeds lack (e.g. 01's overflow) may be English only.
        int chinese = headings.Count(h => Regex.IsMatch(h, @"\p{IsCJKUnifiedIdeographs}"));
        Assert.True(chinese * 2 >= headings.Count,
            $"Expected most headings of {name} to carry the seeds' Chinese title. Received: {chinese} of {headings.Count}: {string.Join(" | ", headings)}.");
        Assert.Contains(headings, h => h.StartsWith("## ", StringComparison.Ordinal) && h.Contains("小结", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Json_EveryNotebook_IsWrittenInVsCodeStyle(string name)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.NotebooksFolder, name));
        var options = new JsonSerializerOptions
        {
            WriteIndented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        string canonical = Sorted(JsonNode.Parse(text)!)!.ToJsonString(options).Replace("\r\n", "\n") + "\n";
        Assert.Equal(canonical, text);
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };
}
