using System.Globalization;
using System.Text.RegularExpressions;
using NotebookMnist.Runner.Execution;

namespace NotebookMnist.Runner.Tests;

/// <summary>
/// Each notebook runs in its own kernel process: a cell that kills its process fails that notebook, naming it and the
/// cell, keeps the cells run so far, and the next notebook (and this test process) still run.
/// </summary>
public class IsolationTests
{
    [Theory]
    [InlineData("exit", "Environment.Exit(3);", "exit code 3")]
    [InlineData("stack-overflow", "int Down(int n) => Down(n + 1) + 1;\nDown(0);", "Stack overflow")]
    [InlineData("background-throw", "new Thread(() => throw new InvalidOperationException(\"from a thread\")).Start();\nThread.Sleep(5000);", "from a thread")]
    [InlineData("async-void", "async void Later() { await Task.Yield(); throw new InvalidOperationException(\"from async void\"); }\nLater();\nThread.Sleep(5000);", "from async void")]
    public async Task RunAsync_CellKillsItsKernel_FailsThatNotebookAtThatCell_NextNotebookRuns(string name, string fatal, string cause)
    {
        var result = await Cells.RunAsync(name, null, "Console.WriteLine(\"before\");", fatal, "Console.WriteLine(\"never\");");

        var failure = Assert.Single(result.Failures);
        Assert.Equal((2, CellErrorKind.KernelExited), (failure.Index, failure.ErrorKind));
        Assert.Contains("The kernel process exited while cell 2 ran", failure.ErrorMessage);
        Assert.Contains(cause, failure.ErrorMessage);
        Assert.Contains($"{name}.ipynb: cell 2 (code cell 2)", result.FailureReport());
        Assert.Equal(CellStatus.NotRun, result.Cells[2].Status);
        Assert.Equal("before\n", Cells.Text(result, 1)); // the cells run so far are in the executed notebook
        Fixture.AssertValidNbformat(result.OutputPath!);

        var next = await Cells.RunAsync("next", null, "1 + 1");
        Assert.True(next.Succeeded, next.FailureReport());
    }

    [Fact]
    public async Task RunAsync_CellSilencesConsole_LaterOutputsStillReachTheRunner()
    {
        var result = await Cells.RunAsync("set-out", null,
            "Console.SetOut(TextWriter.Null);\nConsole.SetError(TextWriter.Null);", "display(\"still shown\");\n40 + 2");

        Assert.True(result.Succeeded, result.FailureReport());
        Assert.Equal("still shown\n42\n", Cells.Text(result, 2));
    }

    [Fact]
    public async Task RunAsync_Timeout_KillsKernelAndEveryProcessItStarted()
    {
        var kernels = new List<int>();
        void Started(KernelProcess k) => kernels.Add(k.ProcessId);
        NotebookRunner.KernelStarted += Started;
        NotebookRunResult result;
        try
        {
            result = await Cells.RunAsync("timeout", new NotebookRunOptions { Timeout = TimeSpan.FromSeconds(8) },
                "var sleeper = System.Diagnostics.Process.Start(\"sleep\", \"300\");\nConsole.WriteLine($\"pid={sleeper.Id}\");\nwhile (true) { }",
                "Console.WriteLine(\"after\");");
        }
        finally { NotebookRunner.KernelStarted -= Started; }

        var hung = Assert.Single(result.Failures);
        Assert.Equal((1, CellStatus.TimedOut), (hung.Index, hung.Status));
        Assert.Contains("Cell 1 did not finish within 8 s (--timeout)", hung.ErrorMessage);
        Assert.Equal(CellStatus.NotRun, result.Cells[1].Status);
        Assert.Equal(["stream:stdout", "error"], Fixture.Kinds(Fixture.Outputs(result, 1)));
        var grandchild = int.Parse(Regex.Match(Cells.Text(result, 1), @"pid=(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.False(Alive(Assert.Single(kernels)), "the kernel process survived the timeout");
        Assert.False(Alive(grandchild), "a process started by the timed-out cell survived");
        Fixture.AssertValidNbformat(result.OutputPath!);
    }

    /// <summary>Whether a process still runs (a zombie waiting for its parent to reap it does not).</summary>
    private static bool Alive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat)) return false;
        try { return !File.ReadAllText(stat).Split(") ")[1].StartsWith('Z'); }
        catch (IOException) { return false; }
    }
}
