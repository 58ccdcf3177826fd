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
    public async Task RunAsync_CompileError_ListsEveryDiagnosticWithCellLineAndStops()
    {
        var result = await Fixture.RunAsync("fail-compile.ipynb");

        var cell = Assert.Single(result.Failures);
        Assert.Equal((2, 2, 2, CellErrorKind.Compile), (cell.Index, cell.CodeIndex, cell.Line!.Value, cell.ErrorKind));
        Assert.Equal("(2,9): error CS0103: The name 'undefinedThing' does not exist in the current context\n"
            + "(3,9): error CS0029: Cannot implicitly convert type 'string' to 'int'", cell.ErrorMessage);
        var error = Fixture.Outputs(result, 2)[0]!;
        Assert.Equal(("error", "Error"), (error["output_type"]!.GetValue<string>(), error["ename"]!.GetValue<string>()));
        Assert.Equal(CellStatus.NotRun, result.Cells[2].Status);
        Assert.Null(Fixture.Written(result)["cells"]![2]!["execution_count"]);
        Assert.Contains("fail-compile.ipynb: cell 2 (code cell 2), line 2: compile error", result.FailureReport());
        Fixture.AssertValidNbformat(result.OutputPath!);
    }

    [Fact]
    public async Task RunAsync_RuntimeError_ReportsTypeMessageCellLineSourceAndStdout()
    {
        var result = await Fixture.RunAsync("fail-runtime.ipynb");

        var cell = Assert.Single(result.Failures);
        Assert.Equal((3, 2, 3, CellErrorKind.Runtime), (cell.Index, cell.CodeIndex, cell.Line!.Value, cell.ErrorKind));
        Assert.StartsWith("System.InvalidOperationException: boom\n", cell.ErrorMessage);
        Assert.Contains("fail-runtime.ipynb#cell-3:line 3", cell.ErrorMessage);
        Assert.DoesNotContain("Microsoft.CodeAnalysis.Scripting", cell.ErrorMessage);
        var report = result.FailureReport();
        Assert.Contains("fail-runtime.ipynb: cell 3 (code cell 2), line 3: runtime error", report);
        Assert.Contains(">   3 | throw new InvalidOperationException(\"boom\");", report);
        Assert.Contains("stdout:\n    about to fail", report);
        Assert.Equal(["stream:stdout", "error"], Fixture.Kinds(Fixture.Outputs(result, 3)));
        Assert.Equal(CellStatus.NotRun, result.Cells[3].Status);
    }

    [Fact]
    public async Task RunAsync_ContinueOnError_RunsLaterCellsWithPartialState()
    {
        var result = await Fixture.RunAsync("fail-runtime.ipynb", new NotebookRunOptions { ContinueOnError = true });

        Assert.Equal(CellStatus.Passed, result.Cells[3].Status);
        Assert.Equal("5\n", Text(Fixture.Outputs(result, 4)[0]!["text"]));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task RunAsync_RaisesExceptionTag_ExpectedErrorPassesAndNextCellRuns()
    {
        var result = await Fixture.RunAsync("expected-error.ipynb");

        Assert.True(result.Succeeded, result.FailureReport());
        Assert.Equal(CellStatus.ExpectedError, result.Cells[0].Status);
        Assert.Equal(["error"], Fixture.Kinds(Fixture.Outputs(result, 1)));
        Assert.Contains("<pre>6</pre>", Text(Fixture.Outputs(result, 2)[0]!["data"]!["text/html"]));
    }

    [Fact]
    public async Task RunAsync_RaisesExceptionTagWithoutError_Fails()
    {
        var result = await Fixture.RunAsync("unexpected-success.ipynb");

        Assert.Equal(CellStatus.UnexpectedSuccess, Assert.Single(result.Failures).Status);
        Assert.Contains("expected an error (tagged raises-exception)", result.FailureReport());
    }

    [Fact]
    public async Task RunAsync_CellExceedsTimeout_ReportsHungCellStopsAndStillWrites()
    {
        var result = await Fixture.RunAsync("timeout.ipynb", new NotebookRunOptions { Timeout = TimeSpan.FromSeconds(1), ContinueOnError = true });

        Assert.True(result.TimedOut);
        var hung = Assert.Single(result.Failures);
        Assert.Equal((2, CellStatus.TimedOut), (hung.Index, hung.Status));
        Assert.Contains("Cell 2 did not finish within 1 s", hung.ErrorMessage);
        Assert.Equal(CellStatus.NotRun, result.Cells[2].Status);
        Assert.Equal(["stream:stdout", "error"], Fixture.Kinds(Fixture.Outputs(result, 2)));
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
    public async Task RunAsync_UnknownMagic_FailsCellNamingMagicAndLine()
    {
        var result = await Fixture.RunAsync("unknown-magic.ipynb", new NotebookRunOptions { ContinueOnError = true });

        Assert.Equal("(2,1): error DNI101: Unknown magic command '#!foo'", result.Cells[0].ErrorMessage);
        Assert.Equal((CellErrorKind.Magic, 2), (result.Cells[0].ErrorKind, result.Cells[0].Line!.Value));
        Assert.Contains("Unsupported magic command '#!fsharp'", result.Cells[1].ErrorMessage);
    }

    [Fact]
    public async Task RunAsync_FSharpCell_FailsWithKernelErrorAndKeepsItsKernelMetadata()
    {
        var result = await Fixture.RunAsync("other-kernel.ipynb", new NotebookRunOptions { ContinueOnError = true });

        Assert.Equal(CellErrorKind.Kernel, result.Cells[0].ErrorKind);
        Assert.Contains("'fsharp' kernel", result.Cells[0].ErrorMessage);
        Assert.Equal("fsharp", Fixture.Written(result)["cells"]![0]!["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        Assert.Equal(CellStatus.Passed, result.Cells[1].Status);
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
