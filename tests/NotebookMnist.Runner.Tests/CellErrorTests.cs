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
        Assert.Equal((3, 2, 3, CellErrorKind.Runtime), (cell.Index, cell.CodeIndex, cell.Line, cell.ErrorKind));
        Assert.Equal("System.InvalidOperationException: boom\n   at cell 3, line 3", cell.ErrorMessage);
        var report = result.FailureReport();
        Assert.Contains("fail-runtime.ipynb: cell 3 (code cell 2), line 3: runtime error", report);
        Assert.Contains(">   3 | throw new InvalidOperationException(\"boom\");", report);
        Assert.Contains("stdout:\n    about to fail", report);
        Assert.Equal(["stream:stdout", "error"], Fixture.Kinds(Fixture.Outputs(result, 3)));
        Assert.Equal(CellStatus.NotRun, result.Cells[3].Status);
    }

    [Fact]
    public async Task RunAsync_RuntimeErrorThroughAnEarlierCellsFunctionBelowADirective_FramesNameCellsAndTheirLines()
    {
        var folder = Faults.FaultKit.NewFolder();
        // Cell 2's `#!time` and blank line are not compiled: the kernel's line 2 is the cell's line 4.
        var path = Faults.FaultKit.Write(folder, "frames.ipynb", Faults.FaultKit.Notebook(
            "int Twice(int x)\n{\n    return x / 0 * 2;\n}",
            "#!time\n\nvar a = 1;\nvar b = Twice(a);\nConsole.WriteLine(b);"));

        var result = await NotebookRunner.RunAsync(path);

        var cell = Assert.Single(result.Failures);
        Assert.Equal((2, 4), (cell.Index, cell.Line));
        Assert.Equal("System.DivideByZeroException: Attempted to divide by zero.\n"
            + "   at Twice(Int32 x) in cell 1, line 3\n"
            + "   at cell 2, line 4", cell.ErrorMessage);
        Assert.Contains(">   4 | var b = Twice(a);", result.FailureReport());
    }

    [Theory]
    [InlineData(3, 6)]  // `var y = 1 / z;`
    [InlineData(1, 4)]  // the comment: the directives and the blank line before it were left out
    [InlineData(4, null)] // past the compiled code
    [InlineData(0, null)]
    public void SourceLine_CompiledWithoutDirectivesAndLeadingBlank_MapsToTheCellsLine(int compiled, int? expected)
    {
        var submission = new Execution.CellErrors.Submission(1,
            "#!time\n#r \"nuget: X, 1.0.0\"\n\n// c\nint z = 0;\nvar y = 1 / z;", "// c\nint z = 0;\nvar y = 1 / z;");

        Assert.Equal(expected, Execution.CellErrors.SourceLine(submission, compiled));
    }

    [Fact]
    public void SourceLine_CompiledTextNotInTheCell_NullRatherThanAGuess()
    {
        var submission = new Execution.CellErrors.Submission(1, "var a = 1;\nvar b = 2;", "var a = 1;\nvar c = 3;");

        Assert.Null(Execution.CellErrors.SourceLine(submission, 2));
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
