using System.Text.Json.Nodes;

namespace NotebookMnist.Runner.Execution;

/// <summary>The NuGet packages already loaded with the runner (from the app's deps.json): they resolve without a restore.</summary>
internal static class RuntimeClosure
{
    private static readonly Lazy<Dictionary<string, (string Version, List<string> Paths)>> Packages = new(Read);

    /// <summary>The runner's own copy of a package when the request matches it, else null.</summary>
    public static (string Version, List<string> Paths)? Find(PackageRequest request)
    {
        if (!Packages.Value.TryGetValue(request.Name, out var found)) return null;
        return request.IsWildcard || request.Version == found.Version ? found : null;
    }

    private static Dictionary<string, (string, List<string>)> Read()
    {
        var result = new Dictionary<string, (string, List<string>)>(StringComparer.OrdinalIgnoreCase);
        var files = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string)?.Split(';', StringSplitOptions.RemoveEmptyEntries) ?? [];
        foreach (var file in files.Where(File.Exists))
        {
            if (JsonNode.Parse(File.ReadAllText(file)) is not JsonObject deps) continue;
            var libraries = deps["libraries"] as JsonObject;
            foreach (var (_, target) in deps["targets"] as JsonObject ?? [])
                foreach (var (key, entry) in target as JsonObject ?? [])
                    Add(result, key, entry, libraries?[key]?["type"]?.ToString());
        }
        return result;
    }

    private static void Add(Dictionary<string, (string, List<string>)> result, string key, JsonNode? entry, string? type)
    {
        if (type != "package") return;
        var slash = key.IndexOf('/');
        var paths = ((entry?["runtime"] as JsonObject) ?? [])
            .Select(asset => Path.Combine(AppContext.BaseDirectory, Path.GetFileName(asset.Key)))
            .Where(File.Exists).ToList();
        result.TryAdd(key[..slash], (key[(slash + 1)..], paths));
    }
}
