using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookMnist.Runner.Notebook;

/// <summary>
/// Checks the types of the nbformat 4 fields the runner reads, naming each bad field by its JSON path
/// (<c>cells[3].source: expected a string or an array of strings, found a number</c>).
/// </summary>
/// <remarks>
/// Only what the runner relies on is checked; unknown fields pass untouched (nbformat's own validator is stricter).
/// Paths are 0-based like nbformat's validator messages.
/// </remarks>
public static partial class NotebookSchema
{
    private const int MaxErrors = 10;

    /// <summary>The type errors of a parsed notebook, in document order (at most 10); empty when it is usable.</summary>
    public static IReadOnlyList<string> Check(JsonNode? root)
    {
        var errors = new List<string>();
        if (root is not JsonObject notebook)
        {
            errors.Add($"expected a JSON object (nbformat 4), found {Kind(root)}");
            return errors;
        }
        RequireInteger(notebook, "nbformat", "", required: true, errors);
        RequireInteger(notebook, "nbformat_minor", "", required: false, errors);
        RequireObject(notebook, "metadata", "", errors);
        if (!notebook.TryGetPropertyValue("cells", out var cellsNode) || cellsNode is not JsonArray cells)
        {
            errors.Add($"cells: expected an array of cells, found {(notebook.ContainsKey("cells") ? Kind(cellsNode) : "nothing")}");
            return errors;
        }
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count && errors.Count < MaxErrors; i++) CheckCell(cells[i], $"cells[{i}]", i, ids, errors);
        return errors.Take(MaxErrors).ToList();
    }

    private static void CheckCell(JsonNode? node, string path, int index, Dictionary<string, int> ids, List<string> errors)
    {
        if (node is not JsonObject cell)
        {
            errors.Add($"{path}: expected a cell object, found {Kind(node)}");
            return;
        }
        var type = "code";
        if (cell.TryGetPropertyValue("cell_type", out var typeNode))
        {
            if (!IsString(typeNode, out var text)) errors.Add($"{path}.cell_type: expected a string, found {Kind(typeNode)}");
            else if (text is not ("code" or "markdown" or "raw")) errors.Add($"{path}.cell_type: expected \"code\", \"markdown\" or \"raw\", found \"{text}\"");
            else type = text;
        }
        if (cell.TryGetPropertyValue("id", out var idNode))
        {
            if (!IsString(idNode, out var id)) errors.Add($"{path}.id: expected a string, found {Kind(idNode)}");
            else if (!CellId().IsMatch(id)) errors.Add($"{path}.id: expected 1 to 64 letters, digits, '-' or '_', found \"{id}\"");
            else if (ids.TryGetValue(id, out var first)) errors.Add($"{path}.id: expected a unique id, found \"{id}\" again (also cells[{first}].id)");
            else ids[id] = index;
        }
        if (cell.TryGetPropertyValue("source", out var source) && !IsMultiline(source))
            errors.Add($"{path}.source: expected a string or an array of strings, found {DescribeArray(source)}");
        if (RequireObject(cell, "metadata", path, errors) is { } metadata && metadata.TryGetPropertyValue("tags", out var tags)
            && (tags is not JsonArray tagList || !tagList.All(t => IsString(t, out _))))
            errors.Add($"{path}.metadata.tags: expected an array of strings, found {DescribeArray(tags)}");
        if (type != "code") return;
        if (cell.TryGetPropertyValue("outputs", out var outputs) && outputs is not JsonArray)
            errors.Add($"{path}.outputs: expected an array, found {Kind(outputs)}");
        if (cell.TryGetPropertyValue("execution_count", out var count) && count is not null && !IsInteger(count))
            errors.Add($"{path}.execution_count: expected an integer or null, found {Kind(count)}");
    }

    private static void RequireInteger(JsonObject parent, string name, string path, bool required, List<string> errors)
    {
        var field = path.Length == 0 ? name : $"{path}.{name}";
        if (!parent.TryGetPropertyValue(name, out var node))
        {
            if (required) errors.Add($"{field}: expected an integer, found nothing");
            return;
        }
        if (!IsInteger(node)) errors.Add($"{field}: expected an integer, found {Kind(node)}");
    }

    private static JsonObject? RequireObject(JsonObject parent, string name, string path, List<string> errors)
    {
        if (!parent.TryGetPropertyValue(name, out var node)) return null;
        if (node is JsonObject obj) return obj;
        errors.Add($"{(path.Length == 0 ? name : $"{path}.{name}")}: expected an object, found {Kind(node)}");
        return null;
    }

    private static bool IsMultiline(JsonNode? node) =>
        IsString(node, out _) || (node is JsonArray lines && lines.All(line => IsString(line, out _)));

    private static bool IsString(JsonNode? node, out string text)
    {
        text = "";
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.TryGetValue(out text!);
    }

    private static bool IsInteger(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out _);

    private static string DescribeArray(JsonNode? node) => node is JsonArray array
        ? $"an array holding {Kind(array.First(t => !IsString(t, out _)))}"
        : Kind(node);

    /// <summary>Names a JSON value's kind as an error message shows it: <c>a number</c>, <c>a string ("5")</c>.</summary>
    public static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => $"a string ({Shorten(value.ToJsonString())})",
            JsonValueKind.Number => $"a number ({Shorten(value.ToJsonString())})",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value",
        },
        _ => "a value",
    };

    private static string Shorten(string json) => json.Length > 40 ? json[..40] + "…" : json;

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex CellId();
}
