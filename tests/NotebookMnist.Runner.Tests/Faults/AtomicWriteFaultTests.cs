using System.Diagnostics;
using System.Text.Json.Nodes;
using NotebookMnist.Runner.IO;

namespace NotebookMnist.Runner.Tests.Faults;

/// <summary>Issue 16, data loss: a run killed while it writes leaves every file whole; stale temporary files go.</summary>
public class AtomicWriteFaultTests
{
    private const string Code = "Console.WriteLine(\"ran\");";

    // ~24 MB of markdown: writing it takes long enough that the signal lands mid-write.
    private static string BigMarkdown() =>
        "# Big\n" + string.Concat(Enumerable.Range(0, 240_000).Select(i => $"line {i,7}: {new string('x', 86)}\n"));

    [Theory]
    [InlineData(9)]
    [InlineData(FaultKit.SigInt)]
    public async Task InPlace_SignalWhileWriting_UserNotebookStaysWholeJsonWithItsSources(int signal)
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = FaultKit.NewFolder();
        var markdown = BigMarkdown();
        var path = FaultKit.Write(folder, "big.ipynb", FaultKit.Notebook(markdown, Code));
        using var watcher = new FileSystemWatcher(folder, ".big.ipynb.*" + AtomicFile.TempSuffix) { EnableRaisingEvents = true };
        ChildRun? child = null;
        var signalled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Created += (_, _) =>
        {
            if (child is null || signalled.Task.IsCompleted) return;
            child.SignalGroup(signal);
            signalled.TrySetResult(true);
        };

        using (child = ChildRun.Start(folder, [path, "--in-place", "--no-html", "--junit", Path.Combine(folder, "junit.xml")]))
        {
            var exited = child.WaitAsync(TimeSpan.FromSeconds(240));
            await Task.WhenAny(exited, signalled.Task);
            Assert.True(signalled.Task.IsCompleted, $"Expected nbrun to start writing big.ipynb (a temp file) before it exited.\n{child.Out}\n{child.Err}");
            await exited;
        }

        var sources = FaultKit.Sources(path); // throws if the file is not whole JSON
        Assert.Equal([markdown, Code], sources);
        var temps = Directory.GetFiles(folder, "*" + AtomicFile.TempSuffix);
        if (signal == 9)
        {
            // Killed mid-write: the original is untouched and the temp file is left behind.
            Assert.Null(JsonNode.Parse(File.ReadAllText(path))!["cells"]![1]!["execution_count"]);
            Assert.Single(temps);
            // The next run into the folder deletes it (its process is gone), before anything runs: here a run of a
            // notebook that does not even parse.
            var broken = Path.Combine(folder, "broken.ipynb");
            File.WriteAllText(broken, "{");
            var code = await Cli.CommandLine.InvokeAsync([broken, "--in-place", "--no-html", "--junit", Path.Combine(folder, "j2.xml")], new StringWriter(), new StringWriter());
            Assert.Equal(1, code);
            Assert.Empty(Directory.GetFiles(folder, "*" + AtomicFile.TempSuffix));
        }
    }

    [Fact]
    public async Task InPlace_ReadOnlyNotebookInWritableFolder_RefusedNotReplaced()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = FaultKit.NewFolder();
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111); // rwxrwxrwx: a rename would be allowed
        var path = FaultKit.Write(folder, "ro.ipynb", FaultKit.Notebook(Code));
        var before = File.ReadAllText(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        string[] args = [path, "--in-place", "--no-html", "--junit", Path.Combine(folder, "j.xml")];
        // Root ignores permission bits: RunUnprivileged runs the child as nobody then.
        var (code, stderr) = await FaultKit.RunUnprivileged(folder, args);

        Assert.Equal(1, code);
        Assert.Contains("Expected notebooks that can be overwritten with --in-place. Received: ro.ipynb (read-only).", stderr);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public void CleanStale_DeadAndLiveWriters_DeletesOnlyTheDeadOnesTemps()
    {
        var folder = FaultKit.NewFolder();
        using var gone = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
        gone.WaitForExit();
        var dead = Path.Combine(folder, $".a.ipynb.{gone.Id}.0badf00d{AtomicFile.TempSuffix}");
        var live = Path.Combine(folder, $".b.ipynb.{Environment.ProcessId}.0badf00d{AtomicFile.TempSuffix}");
        var old = Path.Combine(folder, $".c.ipynb.{Environment.ProcessId}.0badf00d{AtomicFile.TempSuffix}");
        foreach (var file in new[] { dead, live, old }) File.WriteAllText(file, "{ partial");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-2));

        Assert.Equal(2, AtomicFile.CleanStale(folder));

        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(live));
        Assert.False(File.Exists(old));
    }

    [Fact]
    public void Write_WriterThrows_OldFileWholeAndNoTempLeft()
    {
        var folder = FaultKit.NewFolder();
        var path = Path.Combine(folder, "keep.ipynb");
        File.WriteAllText(path, "{\"old\": true}");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("{\"new\": "u8);
            throw new InvalidOperationException("serialiser failed half-way");
        }));

        Assert.Equal("{\"old\": true}", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(folder, "*" + AtomicFile.TempSuffix));
    }

    [Fact]
    public void Write_Symlink_ReplacesTheTargetKeepsTheLinkAndTheMode()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = FaultKit.NewFolder();
        var target = Path.Combine(folder, "real.ipynb");
        File.WriteAllText(target, "old");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var link = Path.Combine(folder, "link.ipynb");
        File.CreateSymbolicLink(link, target);

        AtomicFile.WriteAllText(link, "new");

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(target));
    }
}
