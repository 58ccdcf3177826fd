using System.Text.Json.Nodes;

namespace NotebookMnist.Runner.Tests;

/// <summary>Writes a small notebook of C# code cells into a fresh folder (for tests that need one-off cells).</summary>
internal static class Cells
{
    /// <summary>The path of a new notebook whose code cells hold <paramref name="sources"/>; a source starting with
    /// <c>[raises-exception]</c> gets that tag.</summary>
    public static string Notebook(string name, params string[] sources)
    {
        var folder = Directory.CreateTempSubdirectory("nbrun-cells-").FullName;
        var path = Path.Combine(folder, name + ".ipynb");
        var cells = new JsonArray(sources.Select(source =>
        {
            const string tag = "[raises-exception]";
            var tagged = source.StartsWith(tag, StringComparison.Ordinal);
            return (JsonNode)new JsonObject
            {
                ["cell_type"] = "code", ["execution_count"] = null,
                ["metadata"] = tagged ? new JsonObject { ["tags"] = new JsonArray("raises-exception") } : new JsonObject(),
                ["outputs"] = new JsonArray(), ["source"] = tagged ? source[tag.Length..] : source,
            };
        }).ToArray());
        var notebook = new JsonObject { ["cells"] = cells, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 };
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    /// <summary>Runs the cells with the executed notebook written to <c>out/</c> beside it.</summary>
    public static Task<NotebookRunResult> RunAsync(string name, NotebookRunOptions? options, params string[] sources)
    {
        var path = Notebook(name, sources);
        options = (options ?? new NotebookRunOptions()) with { OutputDirectory = Path.Combine(Path.GetDirectoryName(path)!, "out") };
        return NotebookRunner.RunAsync(path, options);
    }

    /// <summary>The text of a cell's outputs of one kind: stream text, or each display's text/plain, joined.</summary>
    public static string Text(NotebookRunResult result, int index) =>
        string.Concat(Fixture.Outputs(result, index).Select(o => o!["output_type"]!.GetValue<string>() switch
        {
            "stream" => Join(o["text"]),
            "display_data" or "execute_result" => Join(o["data"]!["text/plain"] ?? o["data"]!["text/html"]) + "\n",
            _ => Join(o["evalue"]) + "\n",
        }));

    public static string Join(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        null => "",
        _ => node.GetValue<string>(),
    };
}
