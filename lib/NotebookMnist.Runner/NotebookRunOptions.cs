namespace NotebookMnist.Runner;

/// <summary>How a notebook is run and where the executed copy goes.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>The longest a single cell may run; 600 s by default.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>Run on after an unexpected cell failure instead of stopping (a timeout always stops).</summary>
    public bool ContinueOnError { get; init; }

    /// <summary>Folder for the executed notebook (same file name); null with <see cref="InPlace"/> false writes nothing.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Overwrite the input notebook with the executed one.</summary>
    public bool InPlace { get; init; }

    /// <summary>Papermill-style parameters injected after the cell tagged <c>parameters</c>.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}
