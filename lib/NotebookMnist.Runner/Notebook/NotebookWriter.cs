using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookMnist.Runner.IO;

namespace NotebookMnist.Runner.Notebook;

/// <summary>Writes notebooks the way VS Code saves them: sorted keys, 1-space indent, relaxed escaping, final newline.</summary>
public static class NotebookWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 1,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises the notebook JSON in VS Code's style.</summary>
    public static string ToText(JsonObject root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options)) Sorted(root)!.WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>Writes the notebook JSON to a file atomically (creating its folder): an interrupted write leaves the
    /// old file whole, which matters most with <c>--in-place</c>, where the old file is the user's notebook.</summary>
    public static void Write(JsonObject root, string path) =>
        AtomicFile.Write(path, stream =>
        {
            using (var writer = new Utf8JsonWriter(stream, Options)) Sorted(root)!.WriteTo(writer);
            stream.WriteByte((byte)'\n');
        });

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(SafeText.ReplaceLoneSurrogates(p.Key), Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        null => null,
        // A cell may print a lone surrogate; UTF-8 cannot encode one and Utf8JsonWriter would throw mid-file.
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(SafeText.ReplaceLoneSurrogates(text)),
        _ => node.DeepClone(),
    };
}
