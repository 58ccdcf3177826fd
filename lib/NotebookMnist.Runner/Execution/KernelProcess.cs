using System.Diagnostics;
using System.Globalization;
using System.IO.Pipes;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Threading.Channels;

namespace NotebookMnist.Runner.Execution;

/// <summary>
/// The parent's handle on one notebook's kernel host (<c>nbrun kernel-host</c>): a fresh process per notebook, so a
/// cell that exits, overflows the stack, runs out of memory or throws on a background thread ends only its notebook.
/// </summary>
internal sealed class KernelProcess : IAsyncDisposable
{
    /// <summary>How much of the child's stderr a crash report keeps: its start (the runtime's "Stack overflow." comes
    /// first, then thousands of frames) and its end.</summary>
    private const int HeadLength = 3_000, TailLength = 2_000;
    private readonly Process _process;
    private readonly NamedPipeServerStream _pipe;
    private StreamWriter? _writer;
    private readonly Channel<KernelMessage> _messages = Channel.CreateUnbounded<KernelMessage>(new() { SingleReader = true });
    private readonly StringBuilder _stderrHead = new(), _stderr = new();
    private bool _stderrCut;
    private string? _fatal;

    /// <summary>Every kernel host this process started and has not yet disposed (<see cref="KillAll"/>).</summary>
    private static readonly HashSet<KernelProcess> Live = [];

    private KernelProcess(Process process, NamedPipeServerStream pipe)
    {
        _process = process;
        _pipe = pipe;
        lock (Live) Live.Add(this);
    }

    /// <summary>Kills every kernel host still running, with what each started: nbrun is about to end at once (a second
    /// Ctrl-C), and a kernel host ignores Ctrl-C (its parent decides), so it would otherwise run on.</summary>
    public static void KillAll()
    {
        KernelProcess[] live;
        lock (Live) live = [.. Live];
        foreach (var kernel in live) kernel.KillTree();
    }

    /// <summary>The child's process id (tests check that a timeout leaves nothing of its tree running).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Time from starting the child to its kernel being ready.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>Starts a kernel host whose working directory is <paramref name="workingDirectory"/> and waits until its kernel is ready.</summary>
    /// <exception cref="InvalidOperationException">The child did not start or died before its kernel was ready.</exception>
    public static async Task<KernelProcess> StartAsync(string workingDirectory, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var name = $"nbrun-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40];
        var pipe = new NamedPipeServerStream(name, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        var start = HostCommand();
        start.ArgumentList.Add(KernelHost.Verb);
        start.ArgumentList.Add("--pipe");
        start.ArgumentList.Add(name);
        start.WorkingDirectory = workingDirectory;
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        // The kernel's own console is not shown: stdout and stderr reach the notebook as kernel events.
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var host = new KernelProcess(process, pipe);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            var connect = pipe.WaitForConnectionAsync(wait.Token);
            if (await Task.WhenAny(connect, process.WaitForExitAsync(wait.Token)) != connect || !pipe.IsConnected)
                throw new InvalidOperationException(host.Died("before connecting"));
            await connect;
            host._writer = new StreamWriter(pipe, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
            _ = host.ReadAsync();
            while ((await host._messages.Reader.ReadAsync(wait.Token)).Type != "ready") { }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            if (!host._process.WaitForExit(5_000)) host.Kill();
            var message = host.Died("while creating the kernel");
            await host.DisposeAsync();
            throw new InvalidOperationException(message, ex);
        }
        host.StartupTime = clock.Elapsed;
        return host;
    }

    /// <summary>The outcome of one cell before the runner adds status and numbers.</summary>
    public sealed record Outcome(CellErrorKind ErrorKind, string? Error, int? Line, bool TimedOut, bool KernelDied);

    /// <summary>Runs a cell; outputs go to <paramref name="sink"/> as the kernel produces them. When
    /// <paramref name="interrupt"/> is cancelled (Ctrl-C) the kernel is killed and the cell ends with an error saying so.</summary>
    public async Task<Outcome> RunCellAsync(int cellIndex, string code, CellOutputSink sink, TimeSpan timeout,
        long memoryLimit = long.MaxValue, CancellationToken interrupt = default)
    {
        try { await _writer!.WriteLineAsync(new KernelMessage { Type = "run", Cell = cellIndex, Code = code }.ToLine()); }
        catch (IOException) { return Died(sink, cellIndex); }
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        deadline.CancelAfter(timeout);
        long? overLimit = null;
        using var watchdog = WatchMemory(memoryLimit, used => { overLimit = used; deadline.Cancel(); });
        try
        {
            while (true)
            {
                var message = await _messages.Reader.ReadAsync(deadline.Token);
                if (message.Cell != cellIndex) continue; // a late write from a cell that already ended
                switch (message.Type)
                {
                    case "stdout" or "stderr": sink.AppendStream(message.Type, message.Text ?? ""); break;
                    case "display": sink.AddDisplay(message.Data ?? [], message.Id); break;
                    case "update": sink.UpdateDisplay(message.Id ?? "", message.Data ?? []); break;
                    case "end":
                        if (message.Kind == CellErrorKind.None) return new Outcome(CellErrorKind.None, null, null, false, false);
                        sink.AddError(message.Text ?? "");
                        return new Outcome(message.Kind, message.Text, message.Line, false, false);
                }
            }
        }
        catch (OperationCanceledException) when (overLimit is long used)
        {
            Kill();
            sink.Close();
            var text = $"Cell {cellIndex}: the kernel process used {used >> 20} MiB, more than the limit of {memoryLimit >> 20} MiB " +
                       "(NBRUN_KERNEL_MEMORY_MB; by default half of this machine's memory). Its kernel was killed and the notebook " +
                       "was stopped: split the notebook, or free large values in its cells.";
            sink.AddError(text);
            return new Outcome(CellErrorKind.KernelExited, text, null, false, true);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            return StopInterrupted(sink, cellIndex, clock.Elapsed);
        }
        catch (OperationCanceledException)
        {
            Kill();
            sink.Close();
            var text = $"Cell {cellIndex} did not finish within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (--timeout); its kernel process and every process it started were killed, and the notebook was stopped.";
            sink.AddError(text);
            return new Outcome(CellErrorKind.Timeout, text, null, true, false);
        }
        catch (ChannelClosedException)
        {
            // A signal sent to the whole process group (a terminal's Ctrl-C, or a SIGTERM to the group) may end the
            // kernel host a moment before this process handles it: a kernel that dies as the run stops was interrupted.
            try { await Task.Delay(200, interrupt); } catch (OperationCanceledException) { }
            return interrupt.IsCancellationRequested ? StopInterrupted(sink, cellIndex, clock.Elapsed) : Died(sink, cellIndex);
        }
    }

    private Outcome StopInterrupted(CellOutputSink sink, int cellIndex, TimeSpan ran)
    {
        Kill();
        sink.Close();
        var text = Interrupted(cellIndex, ran);
        sink.AddError(text);
        return new Outcome(CellErrorKind.Interrupted, text, null, false, true);
    }

    /// <summary>The error of a cell stopped by Ctrl-C (or SIGTERM) after <paramref name="ran"/>.</summary>
    public static string Interrupted(int cellIndex, TimeSpan ran) =>
        $"Cell {cellIndex} was interrupted after {ran.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s (Ctrl-C or SIGTERM): " +
        "its kernel process and every process it started were killed, and the notebook's remaining cells were not run.";

    /// <summary>Checks the kernel's resident memory every 100 ms while a cell runs; calls <paramref name="exceeded"/>
    /// once with the size when it passes <paramref name="limit"/>. Disposing stops the checks.</summary>
    private IDisposable WatchMemory(long limit, Action<long> exceeded)
    {
        var stop = new CancellationTokenSource();
        var stopper = new Stopper(stop);
        if (limit == long.MaxValue) return stopper;
        _ = Task.Run(async () =>
        {
            using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            try
            {
                while (await tick.WaitForNextTickAsync(stop.Token))
                {
                    _process.Refresh();
                    if (_process.HasExited) return;
                    long used = _process.WorkingSet64;
                    if (used > limit && !stop.IsCancellationRequested) { exceeded(used); return; }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException) { }
        });
        return stopper;
    }

    private sealed class Stopper(CancellationTokenSource source) : IDisposable
    {
        public void Dispose()
        {
            source.Cancel();
            source.Dispose();
        }
    }

    private Outcome Died(CellOutputSink sink, int cellIndex)
    {
        _process.WaitForExit(5_000);
        var text = Died($"while cell {cellIndex} ran");
        sink.AddError(text);
        return new Outcome(CellErrorKind.KernelExited, text, null, false, true);
    }

    private string Died(string when)
    {
        if (_process.HasExited) _process.WaitForExit(); // drains the redirected stderr
        var code = _process.HasExited ? _process.ExitCode.ToString(CultureInfo.InvariantCulture) : "unknown";
        string stderr;
        lock (_stderr) stderr = (_stderrHead + (_stderrCut ? "…\n" : "") + _stderr).Trim();
        var cause = _fatal ?? (stderr.Length > 0 ? stderr : "no message");
        return $"The kernel process exited {when} (exit code {code}); the notebook was stopped.\n{cause}";
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_stderr)
        {
            if (_stderrHead.Length < HeadLength)
            {
                _stderrHead.Append(line).Append('\n');
                return;
            }
            _stderr.Append(line).Append('\n');
            if (_stderr.Length <= TailLength) return;
            _stderr.Remove(0, _stderr.Length - TailLength);
            _stderrCut = true;
        }
    }

    private async Task ReadAsync()
    {
        using var reader = new StreamReader(_pipe, new UTF8Encoding(false), false, 1 << 16, leaveOpen: true);
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                var message = KernelMessage.Parse(line);
                if (message.Type == "fatal") _fatal = $"Unhandled exception (cell {message.Cell}): {message.Text}";
                else _messages.Writer.TryWrite(message);
            }
        }
        catch (IOException) { }
        catch (System.Text.Json.JsonException ex) { _fatal = $"The kernel host sent a line that is not a message: {ex.Message}"; }
        finally { _messages.Writer.TryComplete(); }
    }

    /// <summary>Kills the child and every process it started (a timed-out cell may have started some).</summary>
    public void Kill()
    {
        KillTree();
        _process.WaitForExit(5_000);
    }

    private void KillTree()
    {
        try { _process.Kill(entireProcessTree: true); }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception) { } // already gone
    }

    /// <summary>Closes the pipe (the child ends its loop) and makes sure the child is gone.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (Live) Live.Remove(this);
        try { _pipe.Dispose(); } catch (IOException) { }
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try { await _process.WaitForExitAsync(grace.Token); }
        catch (OperationCanceledException) { Kill(); }
        _process.Dispose();
    }

    /// <summary>How to start this program again as a kernel host: <c>dotnet exec nbrun.dll</c>, from the ReadyToRun copy
    /// in <c>kernel-host/</c> beside this assembly when that copy is of the same build (build/KernelHost.targets), else
    /// from this assembly.</summary>
    private static ProcessStartInfo HostCommand()
    {
        var self = typeof(KernelProcess).Assembly;
        var precompiled = Path.Combine(Path.GetDirectoryName(self.Location)!, "kernel-host", Path.GetFileName(self.Location));
        var dll = IsSameBuild(precompiled, self.ManifestModule.ModuleVersionId) ? precompiled : self.Location;
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
            : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var start = new ProcessStartInfo(dotnet);
        start.ArgumentList.Add("exec");
        var config = Path.ChangeExtension(dll, ".runtimeconfig.json");
        if (File.Exists(config)) { start.ArgumentList.Add("--runtimeconfig"); start.ArgumentList.Add(config); }
        var deps = Path.ChangeExtension(dll, ".deps.json");
        if (File.Exists(deps)) { start.ArgumentList.Add("--depsfile"); start.ArgumentList.Add(deps); }
        start.ArgumentList.Add(dll);
        return start;
    }

    /// <summary>Whether <paramref name="path"/> is an assembly whose module version id is <paramref name="mvid"/>: the
    /// same compilation (ReadyToRun images keep the IL's metadata), so a stale copy from an older build is never run.</summary>
    internal static bool IsSameBuild(string path, Guid mvid)
    {
        if (!File.Exists(path)) return false;
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) return false;
            var metadata = pe.GetMetadataReader();
            return metadata.GetGuid(metadata.GetModuleDefinition().Mvid) == mvid;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            return false;
        }
    }
}
