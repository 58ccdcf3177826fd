using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using NotebookMnist.Runner.Notebook;

namespace NotebookMnist.Runner.Tests.Faults;

/// <summary>Builds fault notebooks and runs <c>dotnet nbrun.dll</c> as a child process with bounded waits.</summary>
internal static class FaultKit
{
    /// <summary>A new folder that other users can read (fault tests may run the child as <c>nobody</c>).</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nbrun-fault-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return folder;
    }

    /// <summary>A VS Code-style notebook (nbformat 4.5, cell ids): <c>"# text"</c> items become markdown cells, others code.</summary>
    public static JsonObject Notebook(params string[] cells)
    {
        var array = new JsonArray();
        for (var i = 0; i < cells.Length; i++)
        {
            var markdown = cells[i].StartsWith("# ", StringComparison.Ordinal);
            var cell = new JsonObject
            {
                ["cell_type"] = markdown ? "markdown" : "code", ["id"] = $"cell{i:D4}", ["metadata"] = new JsonObject(),
                ["source"] = JsonText.Split(cells[i]),
            };
            if (!markdown)
            {
                cell["execution_count"] = null;
                cell["outputs"] = new JsonArray();
                cell["metadata"] = new JsonObject
                {
                    ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
                    ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
                };
            }
            array.Add(cell);
        }
        return new JsonObject
        {
            ["cells"] = array, ["nbformat"] = 4, ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
                ["polyglot_notebook"] = new JsonObject
                {
                    ["kernelInfo"] = new JsonObject
                    {
                        ["defaultKernelName"] = "csharp",
                        ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
                    },
                },
            },
        };
    }

    /// <summary>Writes a notebook in VS Code's style (not through the code under test's atomic path) and returns its path.</summary>
    public static string Write(string folder, string name, JsonObject notebook)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, NotebookWriter.ToText(notebook), new UTF8Encoding(false));
        return path;
    }

    /// <summary>The sources of a notebook file's cells, joined per cell.</summary>
    public static List<string> Sources(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray().Select(c => JsonText.Join(c!["source"])).ToList();

    /// <summary>Runs nbrun with <paramref name="args"/> as a user whom permission bits stop: as nobody in a child
    /// process when the tests run as root (root ignores them), else in this process. Returns the exit code and stderr.</summary>
    public static async Task<(int Code, string Stderr)> RunUnprivileged(string folder, string[] args)
    {
        if (IsRoot)
        {
            using var child = ChildRun.Start(folder, args, asUser: "nobody");
            int exit = await child.WaitAsync(TimeSpan.FromSeconds(120));
            return (exit, child.Err);
        }
        var writer = new StringWriter();
        int code = await NotebookMnist.Runner.Cli.CommandLine.InvokeAsync(args, new StringWriter(), writer);
        return (code, writer.ToString());
    }

    /// <summary>Whether this process runs as root (permission bits do not stop root).</summary>
    public static bool IsRoot => !OperatingSystem.IsWindows() && GetUid() == 0;

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetUid();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static extern int Kill(int pid, int signal);

    /// <summary>SIGINT: what Ctrl-C sends.</summary>
    public const int SigInt = 2;
}

/// <summary><c>dotnet nbrun.dll …</c> as a child process in its own session (so a signal can reach its whole group).</summary>
internal sealed class ChildRun : IDisposable
{
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();

    private ChildRun(Process process) => Process = process;

    /// <summary>The child (<c>setsid</c> execs dotnet in place, so this is the dotnet process and its group leader).</summary>
    public Process Process { get; }

    /// <summary>Starts nbrun in <paramref name="workingDirectory"/>; <paramref name="asUser"/> runs it via setpriv as that user.</summary>
    public static ChildRun Start(string workingDirectory, IEnumerable<string> args, string? asUser = null)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo
        {
            FileName = File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : dotnet, WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (start.FileName != dotnet)
        {
            if (asUser is not null)
            {
                foreach (var a in new[] { "/usr/bin/setpriv", "--reuid", asUser, "--regid", "nogroup", "--clear-groups" }) start.ArgumentList.Add(a);
                start.Environment["HOME"] = "/tmp";
                start.Environment["DOTNET_CLI_HOME"] = "/tmp";
            }
            start.ArgumentList.Add(dotnet);
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nbrun.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var run = new ChildRun(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (run._out) run._out.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (run._err) run._err.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Everything the child wrote to stdout so far.</summary>
    public string Out { get { lock (_out) return _out.ToString(); } }

    /// <summary>Everything the child wrote to stderr so far.</summary>
    public string Err { get { lock (_err) return _err.ToString(); } }

    /// <summary>Sends a signal to the child's process group, as a terminal's Ctrl-C does.</summary>
    public void SignalGroup(int signal)
    {
        if (FaultKit.Kill(-Process.Id, signal) != 0) FaultKit.Kill(Process.Id, signal);
    }

    /// <summary>Waits for the exit; fails the test (after killing the tree) when it takes longer than the limit.</summary>
    public async Task<int> WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try { await Process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            Dispose();
            Assert.Fail($"nbrun did not exit within {limit.TotalSeconds} s.\nstdout:\n{Out}\nstderr:\n{Err}");
        }
        Process.WaitForExit(); // drains the redirected streams
        return Process.ExitCode;
    }

    /// <summary>Kills whatever is left of the child's tree.</summary>
    public void Dispose()
    {
        try { if (!Process.HasExited) Process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        Process.Dispose();
    }
}
