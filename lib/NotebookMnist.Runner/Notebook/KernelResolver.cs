using System.Text.Json.Nodes;

namespace NotebookMnist.Runner.Notebook;

/// <summary>Which kernel runs a cell: cell metadata, then a kernel selector on its first line, then the notebook default.</summary>
public static class KernelResolver
{
    /// <summary>The notebook's default kernel name (polyglot-spec §1.2), <c>csharp</c> when nothing says otherwise.</summary>
    public static string DefaultKernel(JsonObject metadata)
    {
        var candidates = new[]
        {
            metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"],
            metadata["polyglot_notebook"]?["defaultKernelName"],
            metadata["kernelInfo"]?["defaultKernelName"],
            metadata["dotnet_interactive"]?["defaultKernelName"],
        };
        foreach (var candidate in candidates)
            if (StringOf(candidate) is { Length: > 0 } name) return Normalize(name);
        var spec = StringOf(metadata["kernelspec"]?["name"]);
        if (spec is not null && spec.StartsWith(".net-", StringComparison.Ordinal)) return Normalize(spec[5..]);
        var language = StringOf(metadata["kernelspec"]?["language"]);
        return language is null ? "csharp" : Normalize(language);
    }

    /// <summary>The kernel of a code cell (polyglot-spec §1.3).</summary>
    public static string CellKernel(NotebookCell cell, string notebookDefault)
    {
        var metadata = cell.Node["metadata"];
        if (StringOf(metadata?["polyglot_notebook"]?["kernelName"]) is { Length: > 0 } kernel) return Normalize(kernel);
        if (StringOf(metadata?["dotnet_interactive"]?["language"]) is { Length: > 0 } legacy) return Normalize(legacy);
        var firstLine = cell.Source.Split('\n')[0].TrimEnd();
        if (firstLine.StartsWith("#!", StringComparison.Ordinal) && KnownKernels.Contains(Normalize(firstLine[2..])))
            return Normalize(firstLine[2..]);
        return notebookDefault;
    }

    /// <summary>Maps aliases to kernel names: <c>C#</c>, <c>c#</c> → <c>csharp</c>; <c>F#</c> → <c>fsharp</c>.</summary>
    public static string Normalize(string name) => name.Trim() switch
    {
        "C#" or "c#" or "csharp" or "CSharp" => "csharp",
        "F#" or "f#" or "fsharp" => "fsharp",
        "powershell" or "pwsh" or "PowerShell" => "pwsh",
        "js" => "javascript",
        var other => other,
    };

    private static readonly HashSet<string> KnownKernels =
        ["csharp", "fsharp", "pwsh", "javascript", "html", "mermaid", "sql", "kql", "http", "markdown", "value"];

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
