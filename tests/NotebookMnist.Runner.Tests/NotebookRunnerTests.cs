using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NotebookMnist.Runner.Tests;

public class NotebookRunnerTests
{
    [Fact]
    public async Task RunAsync_SucceedFixture_WritesEveryOutputKindInVsCodeShape()
    {
        var result = await Fixture.RunAsync("succeed.ipynb");

        Assert.True(result.Succeeded, result.FailureReport());
        Assert.Equal(["stream:stdout", "display_data:text/plain"], Fixture.Kinds(Fixture.Outputs(result, 3)));
        Assert.Equal("The answer is 42", Fixture.Outputs(result, 3)[1]!["data"]!["text/plain"]![0]!.GetValue<string>());
        var squares = Text(Fixture.Outputs(result, 4)[0]!["data"]!["text/html"]);
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>[ 1, 4, 9 ]</pre></div><style>", squares);
        var people = Text(Fixture.Outputs(result, 5)[0]!["data"]!["text/html"]);
        Assert.Contains("<code>Person { Name = P19, Age = 19 }</code>", people);
        Assert.DoesNotContain("P20", people);
        Assert.Contains("<i>(5 more)</i>", people);
        Assert.DoesNotContain("Submission#", people);
    }

    [Fact]
    public async Task RunAsync_DisplayInsideClassAndUpdate_RoutesToRunningCellAndReplacesInPlace()
    {
        var result = await Fixture.RunAsync("succeed.ipynb");

        Assert.Equal(["display_data:text/plain", "display_data:text/html"], Fixture.Kinds(Fixture.Outputs(result, 6)));
        Assert.Equal("from a static method", Fixture.Outputs(result, 6)[0]!["data"]!["text/plain"]![0]!.GetValue<string>());
        var updated = Fixture.Outputs(result, 7);
        Assert.Equal(["display_data:text/plain", "stream:stdout", "stream:stderr", "stream:stdout", "display_data:text/plain"], Fixture.Kinds(updated));
        Assert.Equal("step 3", updated[0]!["data"]!["text/plain"]![0]!.GetValue<string>());
        Assert.Equal("ab", Text(updated[1]!["text"]));
        Assert.Equal("warning!\n", Text(updated[2]!["text"]));
    }

    [Fact]
    public async Task RunAsync_RedeclaredVariableAwaitNullAndVoid_FollowScriptSemantics()
    {
        var result = await Fixture.RunAsync("succeed.ipynb");

        Assert.Equal("redeclared", Fixture.Outputs(result, 8)[0]!["data"]!["text/plain"]![0]!.GetValue<string>());
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>&lt;null&gt;</pre></div>", Text(Fixture.Outputs(result, 9)[0]!["data"]!["text/html"]));
        Assert.Empty(Fixture.Outputs(result, 10));
        Assert.Equal(["display_data:text/html", "display_data:text/html", "stream:stdout"], Fixture.Kinds(Fixture.Outputs(result, 11)));
        Assert.Equal("<b>bold</b>", Text(Fixture.Outputs(result, 11)[0]!["data"]!["text/html"]));
    }

    [Fact]
    public async Task RunAsync_SucceedFixture_KeepsMarkdownRawAndUnknownMetadataAndNumbersCells()
    {
        var path = Fixture.Copy("succeed.ipynb");
        var original = (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
        var result = await NotebookRunner.RunAsync(path, new NotebookRunOptions { OutputDirectory = Path.Combine(Path.GetDirectoryName(path)!, "out") });
        var written = Fixture.Written(result);

        Assert.True(JsonNode.DeepEquals(original["cells"]![0], written["cells"]![0]));
        Assert.True(JsonNode.DeepEquals(original["cells"]![1], written["cells"]![1]));
        Assert.True(JsonNode.DeepEquals(original["metadata"]!["custom_notebook_key"], written["metadata"]!["custom_notebook_key"]));
        Assert.True(JsonNode.DeepEquals(original["cells"]![2]!["metadata"]!["custom_tool"], written["cells"]![2]!["metadata"]!["custom_tool"]));
        var counts = written["cells"]!.AsArray().Skip(2).Select(c => c!["execution_count"]!.GetValue<int>());
        Assert.Equal(Enumerable.Range(1, 9), counts);
        Assert.Equal("c0de0002", written["cells"]![2]!["id"]!.GetValue<string>());
        Fixture.AssertValidNbformat(result.OutputPath!);
    }

    [Fact]
    public async Task RunAsync_TimeCSharpAndClosureNuGet_Work_AndVersionConflictFails()
    {
        var result = await Fixture.RunAsync("magics.ipynb", new NotebookRunOptions { ContinueOnError = true });

        Assert.Matches(@"^Wall time: \d+(\.\d+)?ms$", Fixture.Outputs(result, 1)[0]!["data"]!["text/plain"]![0]!.GetValue<string>());
        var restore = Fixture.Outputs(result, 2);
        Assert.Equal("<div><div></div><div></div><div><strong>Installed Packages</strong><ul><li><span>System.CommandLine, 2.0.0</span></li></ul></div></div>",
            Text(restore[0]!["data"]!["text/html"]));
        Assert.Equal("from nuget", restore[1]!["data"]!["text/plain"]![0]!.GetValue<string>());
        Assert.Equal("System.CommandLine version 1.0.0 cannot be added because version 2.0.0 was added previously.", result.Cells[2].ErrorMessage);
        Assert.Equal(CellErrorKind.Package, result.Cells[2].ErrorKind);
    }

    [Fact]
    public async Task RunAsync_ReferenceDllRelativeToNotebook_LoadsItAndCwdIsNotebookFolder()
    {
        var path = Fixture.Copy("reference-dll.ipynb");
        EmitTinyDll(Path.Combine(Path.GetDirectoryName(path)!, "lib", "Tiny.dll"));
        var before = Environment.CurrentDirectory;
        var result = await NotebookRunner.RunAsync(path, new NotebookRunOptions { OutputDirectory = Path.Combine(Path.GetDirectoryName(path)!, "out") });

        Assert.True(result.Succeeded, result.FailureReport());
        Assert.Equal("hello dll", Fixture.Outputs(result, 1)[0]!["data"]!["text/plain"]![0]!.GetValue<string>());
        Assert.Equal("hello from data", Fixture.Outputs(result, 2)[0]!["data"]!["text/plain"]![0]!.GetValue<string>());
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task RunAsync_TypeFormatterSourceConvention_EmitsExactlyPreferredMimes()
    {
        var result = await Fixture.RunAsync("convention.ipynb");

        Assert.True(result.Succeeded, result.FailureReport());
        var figure = Fixture.Outputs(result, 2)[0]!["data"]!.AsObject();
        Assert.Equal(["application/vnd.plotly.v1+json", "text/html"], figure.Select(p => p.Key).Order());
        Assert.Equal(2, figure["application/vnd.plotly.v1+json"]!["data"]![0]!["y"]![1]!.GetValue<int>());
        var grid = Fixture.Outputs(result, 3)[0]!["data"]!.AsObject();
        Assert.Equal("iVBORw0KGgo=", grid["image/png"]!.GetValue<string>());
        Assert.Equal(["image/png", "text/html"], grid.Select(p => p.Key).Order());
        Assert.Equal(["display_data:text/plain"], Fixture.Kinds(Fixture.Outputs(result, 4)));
        Fixture.AssertValidNbformat(result.OutputPath!);
    }

    [Fact]
    public async Task RunAsync_Parameters_InjectsTypedCellAfterParametersCell()
    {
        var parameters = new Dictionary<string, string> { ["epochs"] = "3", ["learningRate"] = "0.5", ["name"] = "run 2", ["verbose"] = "true" };
        var result = await Fixture.RunAsync("parameters.ipynb", new NotebookRunOptions { Parameters = parameters });

        Assert.True(result.Succeeded, result.FailureReport());
        var injected = Fixture.Written(result)["cells"]![1]!;
        Assert.Equal("injected-parameters", injected["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.Equal("// Parameters injected by nbrun\nint epochs = 3;\nfloat learningRate = 0.5f;\nstring name = \"run 2\";\nbool verbose = true;",
            Text(injected["source"]));
        Assert.Equal("3 0.5 run 2 True\n", Text(Fixture.Outputs(result, 3)[0]!["text"]));
        Fixture.AssertValidNbformat(result.OutputPath!);
    }

    [Fact]
    public async Task RunAsync_TopLevelReturn_IsAnOutputLikeATrailingExpression()
    {
        var folder = Directory.CreateTempSubdirectory("nbrun-return-").FullName;
        var path = Path.Combine(folder, "return.ipynb");
        File.WriteAllText(path, """{"cells":[{"cell_type":"code","metadata":{},"outputs":[],"source":["if (DateTime.Now.Year < 2000) return \"never\";\n","return \"returned\";"]}],"metadata":{},"nbformat":4,"nbformat_minor":5}""");

        var result = await NotebookRunner.RunAsync(path, new NotebookRunOptions { InPlace = true });

        Assert.True(result.Succeeded, result.FailureReport());
        Assert.Equal("returned", Fixture.Outputs(result, 1)[0]!["data"]!["text/plain"]![0]!.GetValue<string>());
    }

    private static string Text(JsonNode? node) => node is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : node!.GetValue<string>();

    private static void EmitTinyDll(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tree = CSharpSyntaxTree.ParseText("namespace Tiny; public static class Greeter { public static string Hello(string n) => \"hello \" + n; }");
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var emitted = CSharpCompilation.Create("Tiny", [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
    }
}
