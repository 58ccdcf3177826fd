using System.Text.Json.Nodes;

namespace NotebookMnist.Runner.Notebook;

/// <summary>A view over one cell's JSON object: kind, source, tags, kernel. Unknown fields stay in <see cref="Node"/>.</summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject node, int index)
    {
        Node = node;
        Index = index;
    }

    /// <summary>The cell's JSON object (edited in place when the cell runs).</summary>
    public JsonObject Node { get; }

    /// <summary>The 1-based position among all cells.</summary>
    public int Index { get; internal set; }

    /// <summary><c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public string CellType => Node["cell_type"]?.GetValue<string>() ?? "code";

    /// <summary>Whether this is a code cell.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>The source as one string, with <c>\r\n</c> normalised to <c>\n</c>.</summary>
    public string Source => JsonText.Join(Node["source"]).Replace("\r\n", "\n");

    /// <summary>The tags in <c>metadata.tags</c>.</summary>
    public IReadOnlyList<string> Tags =>
        (Node["metadata"]?["tags"] as JsonArray)?.Select(t => t?.GetValue<string>() ?? "").ToList() ?? [];

    /// <summary>Whether the cell carries the given tag.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag);

    /// <summary>The cell's metadata object, created when missing.</summary>
    public JsonObject Metadata
    {
        get
        {
            if (Node["metadata"] is JsonObject metadata) return metadata;
            var created = new JsonObject();
            Node["metadata"] = created;
            return created;
        }
    }
}
