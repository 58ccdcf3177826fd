using System.Globalization;
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
    [InlineData("background-throw", "new System.Threading.Thread(() => throw new InvalidOperationException(\"from a thread\")).Start();\nSystem.Threading.Thread.Sleep(5000);", "from a thread")]
    [InlineData("async-void", "async void Later() { await Task.Yield(); throw new InvalidOperationException(\"from async void\"); }\nLater();\nSystem.Threading.Thread.Sleep(5000);", "from async void")]
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
            "Console.SetOut(System.IO.TextWriter.Null);\nConsole.SetError(System.IO.TextWriter.Null);", "display(\"still shown\");\n\"and the value\"");

        Assert.True(result.Succeeded, result.FailureReport());
        Assert.Equal("still shown\nand the value\n", Cells.Text(result, 2));
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
                // The working folder is the notebook's: the pid file lands beside it. Then the cell burns a core.
                "var sleeper = System.Diagnostics.Process.Start(\"sleep\", \"300\");\nSystem.IO.File.WriteAllText(\"sleeper.pid\", sleeper.Id.ToString());\nwhile (true) { }",
                "Console.WriteLine(\"after\");");
        }
        finally { NotebookRunner.KernelStarted -= Started; }

        var hung = Assert.Single(result.Failures);
        Assert.Equal((1, CellStatus.TimedOut), (hung.Index, hung.Status));
        Assert.Contains("Cell 1 did not finish within 8 s (--timeout)", hung.ErrorMessage);
        Assert.Equal(CellStatus.NotRun, result.Cells[1].Status);
        Assert.Equal("error", Fixture.Kinds(Fixture.Outputs(result, 1))[^1]);
        var pidFile = Path.Combine(Path.GetDirectoryName(result.NotebookPath)!, "sleeper.pid");
        var grandchild = int.Parse(File.ReadAllText(pidFile), CultureInfo.InvariantCulture);
        Assert.False(Alive(Assert.Single(kernels)), "the kernel process survived the timeout");
        Assert.False(Alive(grandchild), "a process started by the timed-out cell survived");
        Fixture.AssertValidNbformat(result.OutputPath!);
    }

    [Fact]
    public async Task RunAsync_KernelGrowsPastTheMemoryLimit_StopsThatNotebookNamingTheCellAndTheLimit()
    {
        // 40 MiB a step, each page touched, kept alive: the resident set grows until the 600 MiB limit stops it.
        var result = await Cells.RunAsync("memory", new NotebookRunOptions { KernelMemoryLimitBytes = 600L << 20 },
            "Console.WriteLine(\"before\");",
            "var keep = new List<byte[]>();\nfor (int i = 0; i < 400; i++) { var a = new byte[40 << 20]; Array.Fill(a, (byte)1); keep.Add(a); System.Threading.Thread.Sleep(20); }",
            "Console.WriteLine(\"never\");");

        var failure = Assert.Single(result.Failures);
        Assert.Equal((2, CellErrorKind.KernelExited), (failure.Index, failure.ErrorKind));
        Assert.Contains("more than the limit of 600 MiB", failure.ErrorMessage);
        Assert.Contains("NBRUN_KERNEL_MEMORY_MB", failure.ErrorMessage);
        Assert.Equal(CellStatus.NotRun, result.Cells[2].Status);
        Assert.Equal("before\n", Cells.Text(result, 1));
        Fixture.AssertValidNbformat(result.OutputPath!);
    }

    [Fact]
    public void KernelMemoryLimit_ComesFromTheEnvironmentElseHalfTheMachine()
    {
        var saved = Environment.GetEnvironmentVariable("NBRUN_KERNEL_MEMORY_MB");
        try
        {
            Environment.SetEnvironmentVariable("NBRUN_KERNEL_MEMORY_MB", "1234");
            Assert.Equal(1234L << 20, NotebookRunOptions.DefaultKernelMemoryLimit());
            Environment.SetEnvironmentVariable("NBRUN_KERNEL_MEMORY_MB", "not a number");
            Assert.Equal(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2, NotebookRunOptions.DefaultKernelMemoryLimit());
        }
        finally { Environment.SetEnvironmentVariable("NBRUN_KERNEL_MEMORY_MB", saved); }
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
