using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace NotebookMnist.Runner.Execution;

/// <summary>
/// <c>#r "nuget:…"</c> for one notebook: cumulative requests, version-conflict errors, packages of the runner's own
/// closure offline, the rest through <c>dotnet restore</c> of a generated project cached under the user cache folder.
/// </summary>
public sealed class PackageRestorer
{
    private readonly Dictionary<string, PackageRequest> _requested = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _resolvedVersions = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _sources = [];
    private readonly HashSet<string> _references = new(StringComparer.Ordinal);

    /// <summary>The outcome of one cell's package directives.</summary>
    public sealed record Result(string? Error, IReadOnlyList<(string Name, string Version)> Installed, IReadOnlyList<string> NewReferences);

    /// <summary>Adds a cell's packages and sources, restores, and returns the assemblies new to the script.</summary>
    public async Task<Result> AddAsync(IReadOnlyList<PackageRequest> requests, IReadOnlyList<string> sources)
    {
        foreach (var source in sources.Where(s => !_sources.Contains(s))) _sources.Add(source);
        foreach (var request in requests)
        {
            if (request.Name.StartsWith("Microsoft.DotNet.Interactive", StringComparison.OrdinalIgnoreCase))
                return Fail($"{request.Name} cannot be added: nbrun provides display, Formatter and DisplayExtensions itself, and the real .NET Interactive assemblies would clash with them (CS0433).");
            if (_requested.TryGetValue(request.Name, out var old) && !request.IsWildcard && !old.IsWildcard && old.Version != request.Version)
                return Fail($"{request.Name} version {request.Version} cannot be added because version {old.Version} was added previously.");
            if (!_requested.ContainsKey(request.Name) || !request.IsWildcard) _requested[request.Name] = request;
        }
        var paths = new List<string>();
        var toRestore = new List<PackageRequest>();
        foreach (var request in _requested.Values)
        {
            if (RuntimeClosure.Find(request) is { } local) { _resolvedVersions[request.Name] = local.Version; paths.AddRange(local.Paths); }
            else toRestore.Add(request);
        }
        if (toRestore.Count > 0)
        {
            var (error, restored) = await RestoreAsync(toRestore);
            if (error is not null) return Fail(error);
            paths.AddRange(restored);
        }
        var fresh = paths.Where(_references.Add).ToList();
        var installed = requests.Select(r => (Name: _requested[r.Name].Name, Version: _resolvedVersions.GetValueOrDefault(r.Name, r.Version ?? "*")))
            .Distinct().OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new Result(null, installed, fresh);
    }

    /// <summary>The "Installed Packages" HTML that .NET Interactive shows after a restore.</summary>
    public string InstalledHtml(IReadOnlyList<(string Name, string Version)> installed)
    {
        static string Encode(string s) => System.Net.WebUtility.HtmlEncode(s);
        var sources = _sources.Count == 0 ? "<div></div>"
            : "<div><strong>Restore sources</strong><ul>" + string.Concat(_sources.Select(s => $"<li><span>{Encode(s)}</span></li>")) + "</ul></div>";
        var packages = installed.Count == 0 ? "<div></div>"
            : "<div><strong>Installed Packages</strong><ul>" + string.Concat(installed.Select(p => $"<li><span>{Encode(p.Name)}, {Encode(p.Version)}</span></li>")) + "</ul></div>";
        return $"<div>{sources}<div></div>{packages}</div>";
    }

    private static Result Fail(string error) => new(error, [], []);

    private async Task<(string? Error, List<string> Paths)> RestoreAsync(List<PackageRequest> requests)
    {
        var project = ProjectText(requests);
        var folder = Path.Combine(CacheRoot(), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(project)))[..16]);
        var assets = Path.Combine(folder, "obj", "project.assets.json");
        if (File.Exists(assets) && !ReadAssets(assets).All(File.Exists)) File.Delete(assets);
        if (!File.Exists(assets))
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "restore.csproj"), project);
            var (code, output) = await RunDotnetAsync(folder);
            if (code != 0 || !File.Exists(assets))
            {
                var errors = output.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Select(l => l.Trim()).ToList();
                if (File.Exists(assets)) File.Delete(assets);
                return (errors.Count > 0 ? string.Join("\n", errors.Distinct()) : output.Trim(), []);
            }
        }
        return (null, ReadAssets(assets));
    }

    private string ProjectText(List<PackageRequest> requests)
    {
        var text = new StringBuilder("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n");
        text.Append($"    <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>\n");
        text.Append("    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>\n");
        if (Environment.GetEnvironmentVariable("NBRUN_PACKAGES") is { Length: > 0 } packages)
            text.Append($"    <RestorePackagesPath>{packages}</RestorePackagesPath>\n");
        if (_sources.Count > 0) text.Append($"    <RestoreAdditionalProjectSources>{string.Join(';', _sources)}</RestoreAdditionalProjectSources>\n");
        text.Append("  </PropertyGroup>\n  <ItemGroup>\n");
        foreach (var r in requests.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase))
            text.Append($"    <PackageReference Include=\"{r.Name}\" Version=\"{(r.IsWildcard ? r.Version ?? "*" : r.Version)}\" />\n");
        return text.Append("  </ItemGroup>\n</Project>\n").ToString();
    }

    private static string CacheRoot()
    {
        var root = Environment.GetEnvironmentVariable("NBRUN_CACHE")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "nbrun");
        return Path.Combine(root, "nuget");
    }

    private static async Task<(int Code, string Output)> RunDotnetAsync(string folder)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet, ["restore", "restore.csproj", "--nologo", "-v", "q"])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The real .NET Interactive assemblies would clash with the shim (CS0433): they are never referenced.</summary>
    private static bool IsInteractiveAssembly(string asset) =>
        Path.GetFileName(asset).StartsWith("Microsoft.DotNet.Interactive", StringComparison.OrdinalIgnoreCase);

    private List<string> ReadAssets(string assetsPath)
    {
        var assets = JsonNode.Parse(File.ReadAllText(assetsPath))!;
        var packageFolder = (assets["packageFolders"] as JsonObject)!.First().Key;
        var target = (assets["targets"] as JsonObject)!.First(t => !t.Key.Contains('/')).Value as JsonObject;
        var paths = new List<string>();
        foreach (var (key, entry) in target ?? [])
        {
            if (entry?["type"]?.ToString() != "package") continue;
            var libraryPath = assets["libraries"]?[key]?["path"]?.ToString() ?? key.ToLowerInvariant();
            var slash = key.IndexOf('/');
            _resolvedVersions[key[..slash]] = key[(slash + 1)..];
            var managed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (asset, _) in entry["runtime"] as JsonObject ?? [])
                if (!asset.EndsWith("_._", StringComparison.Ordinal) && !IsInteractiveAssembly(asset))
                    managed[Path.GetFileName(asset)] = Path.GetFullPath(Path.Combine(packageFolder, libraryPath, asset));
            foreach (var (asset, info) in entry["runtimeTargets"] as JsonObject ?? [])
            {
                if (!NativeProbing.Matches(info?["rid"]?.ToString()) || asset.EndsWith("_._", StringComparison.Ordinal)) continue;
                var full = Path.GetFullPath(Path.Combine(packageFolder, libraryPath, asset));
                if (info?["assetType"]?.ToString() == "native") NativeProbing.AddDirectory(Path.GetDirectoryName(full)!);
                else if (managed.ContainsKey(Path.GetFileName(asset))) managed[Path.GetFileName(asset)] = full;
            }
            paths.AddRange(managed.Values);
        }
        return paths;
    }
}
