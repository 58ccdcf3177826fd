using System.Text.Json.Nodes;

namespace NotebookMnist.Runner.Notebook;

/// <summary>Adds the metadata VS Code's Polyglot extension expects (§1.2, §1.3), keeping every existing key.</summary>
public static class MetadataWriter
{
    /// <summary>Ensures <c>kernelspec</c> (<c>.net-csharp</c>), <c>language_info</c> and <c>polyglot_notebook.kernelInfo</c>.</summary>
    public static void NormalizeNotebook(JsonObject metadata, string defaultKernel)
    {
        var spec = metadata["kernelspec"] as JsonObject;
        if (spec?["name"] is not JsonValue name || !name.ToString().StartsWith(".net-", StringComparison.Ordinal))
            metadata["kernelspec"] = new JsonObject
            {
                ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp",
            };
        if (metadata["language_info"] is not JsonObject language)
            metadata["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" };
        else if (language["name"]?.ToString() is not ("C#" or "csharp" or "polyglot-notebook"))
            language["name"] = "polyglot-notebook";
        var polyglot = metadata["polyglot_notebook"] as JsonObject ?? (JsonObject)(metadata["polyglot_notebook"] = new JsonObject());
        if (polyglot["kernelInfo"] is JsonObject) return;
        polyglot["kernelInfo"] = new JsonObject
        {
            ["defaultKernelName"] = defaultKernel,
            ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
        };
    }

    /// <summary>Writes both cell kernel keys: <c>dotnet_interactive.language</c> and <c>polyglot_notebook.kernelName</c>.</summary>
    public static void NormalizeCodeCell(NotebookCell cell, string kernel)
    {
        var metadata = cell.Metadata;
        var legacy = metadata["dotnet_interactive"] as JsonObject ?? (JsonObject)(metadata["dotnet_interactive"] = new JsonObject());
        legacy["language"] = kernel;
        var current = metadata["polyglot_notebook"] as JsonObject ?? (JsonObject)(metadata["polyglot_notebook"] = new JsonObject());
        current["kernelName"] = kernel;
    }
}
