namespace NotebookMnist.Data;

/// <summary>A folder holding the four files, raw or as .gz: an explicit directory, the cache, a system copy or node_modules.</summary>
internal sealed class DirectorySource(string description, string directory, bool writesCache) : DataSource
{
    /// <inheritdoc/>
    public override string Description => $"{description} {directory}";

    /// <inheritdoc/>
    public override bool WritesCache => writesCache;

    /// <summary>The folder.</summary>
    public string Directory => directory;

    /// <inheritdoc/>
    public override string? CheckAvailable(DatasetSpec spec)
    {
        if (!System.IO.Directory.Exists(directory))
            return "the folder does not exist";
        var missing = spec.Files.Where(f => FindFile(f) is null).Select(f => f.Name).ToList();
        return missing.Count == 0 ? null : $"missing {string.Join(", ", missing)} (raw or .gz)";
    }

    /// <inheritdoc/>
    public override byte[] Fetch(DatasetFile file)
    {
        string path = FindFile(file) ?? throw new FileNotFoundException($"{file.Name}: not found in {directory}.");
        return IdxReader.ReadContent(path, file.Length);   // the expected length is the size limit: a gzip bomb stops there
    }

    private string? FindFile(DatasetFile file)
    {
        string raw = Path.Combine(directory, file.Name);
        if (File.Exists(raw)) return raw;
        string gz = raw + ".gz";
        return File.Exists(gz) ? gz : null;
    }
}
