using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookMnist.Runner.Execution;

namespace NotebookMnist.Runner.Notebook;

/// <summary>Turns cell outputs into nbformat output objects the way VS Code saves them (§1.5).</summary>
public static class OutputJson
{
    /// <summary>The nbformat JSON for one output.</summary>
    public static JsonObject ToJson(CellOutput output) => output switch
    {
        StreamOutput stream => new JsonObject
        {
            ["name"] = stream.Name, ["output_type"] = "stream", ["text"] = JsonText.Split(stream.Text),
        },
        DisplayOutput display => new JsonObject
        {
            ["data"] = Bundle(display.Data), ["metadata"] = new JsonObject(), ["output_type"] = "display_data",
        },
        ErrorOutput error => new JsonObject
        {
            ["ename"] = "Error", ["evalue"] = error.Message, ["output_type"] = "error",
            ["traceback"] = JsonText.Split(error.Message),
        },
        _ => throw new ArgumentException($"Expected a stream, display or error output. Received: {output.GetType().Name}.", nameof(output)),
    };

    /// <summary>A mime bundle: text as lines, png/jpeg/gif as one base64 string, JSON mimes as parsed JSON.</summary>
    public static JsonObject Bundle(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, text) in data) bundle[mime] = Encode(mime, text);
        return bundle;
    }

    private static JsonNode? Encode(string mime, string text)
    {
        if (mime is "image/png" or "image/jpeg" or "image/gif") return JsonValue.Create(text);
        if (mime.StartsWith("text/", StringComparison.Ordinal) || mime == "image/svg+xml") return JsonText.Split(text);
        if (!mime.Contains("json", StringComparison.Ordinal)) return JsonValue.Create(text);
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return JsonValue.Create(text); }
    }
}
