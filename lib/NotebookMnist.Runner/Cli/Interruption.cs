using System.Runtime.InteropServices;

namespace NotebookMnist.Runner.Cli;

/// <summary>
/// Ctrl-C (SIGINT) or SIGTERM during a run. The first signal asks the run to stop: the running cells' kernels are
/// stopped, the notebooks not yet started are skipped, and every executed notebook, the reports and the summary are still
/// written; the exit code is then 130 (SIGINT) or 143 (SIGTERM), as a shell expects. A second signal ends nbrun at once
/// (the files it was writing stay whole: see AtomicFile), after killing the kernels still running.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signal;

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Whether a signal has asked the run to stop.</summary>
    public bool Requested => _source.IsCancellationRequested;

    /// <summary>The exit code for an interrupted run: 128 + the signal's number (130 for SIGINT, 143 for SIGTERM).</summary>
    public int ExitCode => _signal == (int)PosixSignal.SIGTERM ? 143 : 130;

    /// <summary>What stopped the run, for the console: "Ctrl-C (SIGINT)" or "SIGTERM".</summary>
    public string Cause => _signal == (int)PosixSignal.SIGTERM ? "SIGTERM" : "Ctrl-C (SIGINT)";

    /// <summary>Said on the first signal (the caller writes it to stderr).</summary>
    public event Action<string>? Stopping;

    /// <summary>Listens for SIGINT and SIGTERM until disposed.</summary>
    public static Interruption FromSignals()
    {
        var interruption = new Interruption();
        if (OperatingSystem.IsWindows() || OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            interruption._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, interruption.OnSignal));
            interruption._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, interruption.OnSignal));
        }
        return interruption;
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Request(context.Signal))
        {
            context.Cancel = true; // the run stops on its own and writes what it has
            return;
        }
        // The second signal: the default action ends this process; its kernels go first, so none is left running.
        Execution.KernelProcess.KillAll();
    }

    /// <summary>Asks the run to stop, as <paramref name="signal"/> would; false when it was already asked.</summary>
    public bool Request(PosixSignal signal = PosixSignal.SIGINT)
    {
        if (Interlocked.CompareExchange(ref _signal, (int)signal, 0) != 0) return false;
        Stopping?.Invoke($"nbrun: {Cause}: stopping the running notebooks, then writing what ran and the summary; " +
                         "press Ctrl-C again to quit at once.");
        _source.Cancel();
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source.Dispose();
    }
}
