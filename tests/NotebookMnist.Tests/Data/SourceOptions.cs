using NotebookMnist.Data;

namespace NotebookMnist.Tests.Data;

/// <summary>Loader options confined to a temporary folder: no system copy, npm, node_modules or internet unless given.</summary>
internal static class SourceOptions
{
    public static DataSourceOptions For(
        TempFolder temp, List<string> log, string? directory = null, string? system = null,
        IReadOnlyList<Uri>? urls = null, string? npm = null, IReadOnlyList<string>? nodeModulesStarts = null,
        int attempts = 3, TimeSpan? timeout = null, TextWriter? progress = null, string? cacheRoot = null) => new()
    {
        Directory = directory,
        CacheRoot = cacheRoot ?? temp.Combine("cache"),
        SystemDirectory = system ?? "",
        UrlBases = urls ?? [],
        NpmCommand = npm,
        NodeModulesSearchStarts = nodeModulesStarts ?? [],
        Attempts = attempts,
        RetryDelay = TimeSpan.Zero,
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
        Log = log.Add,
        Progress = progress ?? TextWriter.Null,
    };

    /// <summary>The files in the cache folder of the tiny dataset (none when it does not exist).</summary>
    public static string[] CacheFiles(TempFolder temp) =>
        Directory.Exists(temp.Combine("cache", "tiny"))
            ? Directory.GetFiles(temp.Combine("cache", "tiny")).Select(path => Path.GetFileName(path)).Order().ToArray()
            : [];
}
