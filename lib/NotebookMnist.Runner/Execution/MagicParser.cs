namespace NotebookMnist.Runner.Execution;

/// <summary>
/// The line pre-parser of polyglot-spec §2.1: <c>#r "nuget:…"</c>, <c>#i "nuget:…"</c>, <c>#!csharp</c>, <c>#!time</c>;
/// any other <c>#!</c> magic fails the cell. Magic lines become blank lines, so C# line numbers stay the cell's.
/// </summary>
public static class MagicParser
{
    private static readonly HashSet<string> CSharpSelectors = ["csharp", "c#", "C#"];

    private static readonly HashSet<string> Unsupported =
    [
        "fsharp", "f#", "F#", "pwsh", "powershell", "html", "javascript", "js", "mermaid", "sql", "kql", "http", "markdown",
        "value", "set", "share", "who", "whos", "connect", "import", "about", "lsmagic", "log", "debug",
    ];

    /// <summary>Splits a cell's source into C# code and magic requests.</summary>
    public static PreparedCell Parse(string source)
    {
        var lines = source.Split('\n');
        var packages = new List<PackageRequest>();
        var sources = new List<string>();
        var time = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = line[2..].Split(' ', '\t')[0].Trim();
                if (CSharpSelectors.Contains(name)) { }
                else if (name == "time") time = true;
                else return new PreparedCell("", [], [], false, MagicError(i + 1, name));
                lines[i] = "";
            }
            else if (NuGetValue(line, "#r") is { } package)
            {
                var request = ParsePackage(package);
                if (request is null) return new PreparedCell("", [], [], false, $"({i + 1},1): error DNI102: Expected `#r \"nuget: Name, Version\"`. Received: {line}");
                packages.Add(request);
                lines[i] = "";
            }
            else if (NuGetValue(line, "#i") is { } feed)
            {
                sources.Add(feed);
                lines[i] = "";
            }
        }
        return new PreparedCell(string.Join("\n", lines), packages, sources, time, null);
    }

    private static string MagicError(int line, string name) => Unsupported.Contains(name)
        ? $"({line},1): error DNI101: Unsupported magic command '#!{name}': nbrun runs C# only and does not implement it."
        : $"({line},1): error DNI101: Unknown magic command '#!{name}'";

    /// <summary>The text after <c>nuget:</c> of a <c>#r</c>/<c>#i</c> line, or null when the line is not a NuGet directive.</summary>
    private static string? NuGetValue(string line, string directive)
    {
        if (!line.StartsWith(directive, StringComparison.Ordinal) || line.Length == 2 || !(line[2] is ' ' or '\t' or '"'))
            return null;
        var value = line[2..].Trim(' ', '\t', '"');
        return value.StartsWith("nuget:", StringComparison.Ordinal) ? value["nuget:".Length..].Trim() : null;
    }

    private static PackageRequest? ParsePackage(string value)
    {
        var comma = value.IndexOf(',');
        var name = (comma < 0 ? value : value[..comma]).Trim();
        var version = comma < 0 ? null : value[(comma + 1)..].Trim();
        if (name.Length == 0) return null;
        return new PackageRequest(name, string.IsNullOrEmpty(version) ? null : version);
    }
}
