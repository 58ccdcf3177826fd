using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using NotebookMnist.Runner.Cli;

namespace NotebookMnist.Runner.Tests.Faults;

/// <summary>Ctrl-C and SIGTERM during a run: the running cell stops at once, what ran is written, the summary names
/// what was interrupted and what never started, and the exit code is 128 + the signal.</summary>
public class InterruptFaultTests
{
    /// <summary>Cell 1 prints, cell 2 writes a marker file and then sleeps a minute, cell 3 would print.</summary>
    private static (string Folder, string Slow, string Marker) SlowNotebook()
    {
        var folder = FaultKit.NewFolder();
        var marker = Path.Combine(folder, "cell2-started");
        var slow = FaultKit.Write(folder, "a-slow.ipynb", FaultKit.Notebook(
            "Console.WriteLine(\"first\");",
            $"System.IO.File.WriteAllText(@\"{marker}\", \"\");\nSystem.Threading.Thread.Sleep(60_000);",
            "Console.WriteLine(\"third\");"));
        return (folder, slow, marker);
    }

    private static async Task WaitForFile(string path, Func<string> context)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"Expected the slow cell to start within 120 s.\n{context()}");
            await Task.Delay(50);
        }
    }

    /// <summary>The executed copy's cells: execution count and the text of each output.</summary>
    private static List<(int? Count, string Text)> Cells(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray().Select(c => (
            (int?)c!["execution_count"],
            string.Concat(c["outputs"]!.AsArray().Select(o => o!["text"] is { } t ? Notebook.JsonText.Join(t) : (string?)o["evalue"] ?? "")))).ToList();

    [Fact]
    public async Task Interrupted_DuringASlowCell_StopsItNowWritesWhatRanSkipsTheRestExit130()
    {
        var (folder, slow, marker) = SlowNotebook();
        var later = FaultKit.Write(folder, "b-later.ipynb", FaultKit.Notebook("Console.WriteLine(\"b\");"));
        var output = Path.Combine(folder, "out");
        using var interruption = new Interruption();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var kernels = new List<int>();
        void Started(Execution.KernelProcess k) { lock (kernels) kernels.Add(k.ProcessId); }
        NotebookRunner.KernelStarted += Started;
        try
        {
            var run = RunCommand.ExecuteAsync(new RunCommand.Settings([slow, later], [], 600, false, false, output, true,
                Path.Combine(folder, "junit.xml"), Jobs: 1), stdout, stderr, interruption);
            await WaitForFile(marker, () => $"{stdout}\n{stderr}");
            var clock = Stopwatch.StartNew();
            Assert.True(interruption.Request());
            Assert.False(interruption.Request()); // a second request is the second Ctrl-C's business, not this one's
            var code = await run;

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"Expected the sleeping cell to be stopped, not waited for; took {clock.Elapsed}.");
            Assert.Equal(130, code);
        }
        finally
        {
            NotebookRunner.KernelStarted -= Started;
        }

        var cells = Cells(Path.Combine(output, "a-slow.ipynb"));
        Assert.Equal((1, "first\n"), cells[0]);
        Assert.Equal(2, cells[1].Count);
        Assert.StartsWith("Cell 2 was interrupted after ", cells[1].Text);
        Assert.Equal((null, ""), cells[2]);
        Assert.False(File.Exists(Path.Combine(output, "b-later.ipynb")));
        var summary = stdout.ToString();
        Assert.Contains("INTERRUPTED (cell 2)", summary);
        Assert.Matches(@"b-later\.ipynb +- +- +NOT STARTED \(interrupted\)", summary);
        Assert.Contains("1 notebook(s): 0 ok, 1 failed, 1 not started", summary);
        Assert.Contains("nbrun: Ctrl-C (SIGINT): stopping the running notebooks", stderr.ToString());
        Assert.Contains("a-slow.ipynb: cell 2 (code cell 2): interrupted", stderr.ToString());
        Assert.Contains("exit code 130", stderr.ToString());
        Assert.True(File.Exists(Path.Combine(folder, "junit.xml")));
        int kernel = Assert.Single(kernels);
        Assert.True(Gone(kernel), $"Expected the kernel host {kernel} to be killed.");
    }

    [Fact]
    public async Task Interrupted_BeforeTheRunStarts_NothingStartsAndTheSummarySaysSoExit143()
    {
        var folder = FaultKit.NewFolder();
        var notebook = FaultKit.Write(folder, "n.ipynb", FaultKit.Notebook("Console.WriteLine(\"n\");"));
        using var interruption = new Interruption();
        interruption.Request(PosixSignal.SIGTERM);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await RunCommand.ExecuteAsync(new RunCommand.Settings([notebook], [], 600, false, false,
            Path.Combine(folder, "out"), true, Path.Combine(folder, "junit.xml")), stdout, stderr, interruption);

        Assert.Equal(143, code);
        Assert.Contains("0 notebook(s): 0 ok, 0 failed, 1 not started", stdout.ToString());
        Assert.Contains("nbrun: interrupted by SIGTERM; what ran is written above; exit code 143.", stderr.ToString());
        Assert.False(File.Exists(Path.Combine(folder, "out", "n.ipynb")));
    }

    [Theory]
    [InlineData(FaultKit.SigInt, 130)]
    [InlineData(15, 143)]
    public async Task Signal_ToTheWholeGroupDuringASlowCell_SummaryWrittenNotebookKeptNothingLeftRunning(int signal, int expected)
    {
        if (!OperatingSystem.IsLinux()) return;
        var (folder, slow, marker) = SlowNotebook();
        var output = Path.Combine(folder, "out");
        using var child = ChildRun.Start(folder, [slow, "-o", output, "--no-html", "--junit", Path.Combine(folder, "junit.xml")]);
        await WaitForFile(marker, () => $"{child.Out}\n{child.Err}");
        child.SignalGroup(signal); // as a terminal's Ctrl-C does: nbrun and its kernel host both get it

        var code = await child.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(expected == code, $"Expected exit code {expected}. Received: {code}.\n{child.Out}\n{child.Err}");
        Assert.Contains("INTERRUPTED (cell 2)", child.Out);
        var cells = Cells(Path.Combine(output, "a-slow.ipynb"));
        Assert.Equal((1, "first\n"), cells[0]);
        Assert.StartsWith("Cell 2 was interrupted after ", cells[1].Text);
        Assert.Empty(GroupMembers(child.Process.Id));
    }

    private static bool Gone(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.WaitForExit(5_000);
        }
        catch (ArgumentException) { return true; }
    }

    /// <summary>The processes still in process group <paramref name="group"/> (Linux /proc), after up to 5 s for them to go.</summary>
    private static List<int> GroupMembers(int group)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var members = new List<int>();
            foreach (var dir in Directory.GetDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                try
                {
                    // /proc/PID/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces, so count from its ')'.
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    if (fields[0] != "Z" && int.Parse(fields[2]) == group) members.Add(pid);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
            if (members.Count == 0 || clock.Elapsed > TimeSpan.FromSeconds(5)) return members;
            Thread.Sleep(100);
        }
    }
}
