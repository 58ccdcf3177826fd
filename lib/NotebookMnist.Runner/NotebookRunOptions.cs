namespace NotebookMnist.Runner;

/// <summary>How a notebook is run and where the executed copy goes.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>The longest a single cell may run; 600 s by default.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>The most memory (resident set) a notebook's kernel process may use before the runner stops that
    /// notebook with a clear error: <c>$NBRUN_KERNEL_MEMORY_MB</c> MiB when set, else half of this machine's memory.</summary>
    /// <remarks>The kernel keeps every executed cell's compilation, so a very long notebook grows without bound; this
    /// turns that into a named stop instead of the machine swapping or the OOM killer picking a process.</remarks>
    public long KernelMemoryLimitBytes { get; init; } = DefaultKernelMemoryLimit();

    /// <summary>Reads <c>NBRUN_KERNEL_MEMORY_MB</c> (a positive number of MiB), else half of the available memory.</summary>
    public static long DefaultKernelMemoryLimit()
    {
        var text = Environment.GetEnvironmentVariable("NBRUN_KERNEL_MEMORY_MB");
        if (long.TryParse(text, out var mib) && mib > 0) return mib << 20;
        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;
    }

    /// <summary>Run on after an unexpected cell failure instead of stopping (a timeout always stops).</summary>
    public bool ContinueOnError { get; init; }

    /// <summary>Folder for the executed notebook (same file name); null with <see cref="InPlace"/> false writes nothing.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Overwrite the input notebook with the executed one.</summary>
    public bool InPlace { get; init; }

    /// <summary>Cancelled when the run is to stop (Ctrl-C): the running cell's kernel is killed, that cell gets an error
    /// saying so, the remaining cells are not run, and the executed notebook is still written.</summary>
    public CancellationToken Interrupt { get; init; }

    /// <summary>Papermill-style parameters injected after the cell tagged <c>parameters</c>.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}
