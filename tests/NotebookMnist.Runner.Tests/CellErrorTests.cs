using System.Text.Json.Nodes;

namespace NotebookMnist.Runner.Tests;

/// <summary>Failing cells: compile, runtime, expected errors, timeouts, magics and kernels.</summary>
public class CellErrorTests
{
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
        // The kernel compiles cells without line information, so a runtime error names the cell, not the line.
        Assert.Equal((3, 2, CellErrorKind.Runtime), (cell.Index, cell.CodeIndex, cell.ErrorKind));
        Assert.StartsWith("System.InvalidOperationException: boom\n", cell.ErrorMessage);
        Assert.DoesNotContain("Microsoft.DotNet.Interactive", cell.ErrorMessage);
        var report = result.FailureReport();
        Assert.Contains("fail-runtime.ipynb: cell 3 (code cell 2): runtime error", report);
        Assert.Contains("    3 | throw new InvalidOperationException(\"boom\");", report);
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
        var result = await Fixture.RunAsync("timeout.ipynb", new NotebookRunOptions { Timeout = TimeSpan.FromSeconds(3), ContinueOnError = true });

        Assert.True(result.TimedOut);
        var hung = Assert.Single(result.Failures);
        Assert.Equal((2, CellStatus.TimedOut), (hung.Index, hung.Status));
        Assert.Contains("Cell 2 did not finish within 3 s", hung.ErrorMessage);
        Assert.Equal(CellStatus.NotRun, result.Cells[2].Status);
        Assert.Equal(["stream:stdout", "error"], Fixture.Kinds(Fixture.Outputs(result, 2)));
        Fixture.AssertValidNbformat(result.OutputPath!);
    }

    [Fact]
    public async Task RunAsync_UnknownMagic_FailsCellNamingMagicAndLine()
    {
        var result = await Fixture.RunAsync("unknown-magic.ipynb", new NotebookRunOptions { ContinueOnError = true });

        Assert.Equal("(2,1): error DNI101: Unknown magic command '#!foo'", result.Cells[0].ErrorMessage);
        Assert.Equal((CellErrorKind.Magic, 2), (result.Cells[0].ErrorKind, result.Cells[0].Line!.Value));
        Assert.Contains("#!fsharp", result.Cells[1].ErrorMessage);
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

    private static string Text(JsonNode? node) => node is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : node!.GetValue<string>();
}
