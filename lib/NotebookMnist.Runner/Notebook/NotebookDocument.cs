using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookMnist.Runner.Notebook;

/// <summary>An <c>.ipynb</c> file held as JSON, so every field the runner does not know survives a round trip.</summary>
public sealed class NotebookDocument
{
    private NotebookDocument(string path, JsonObject root)
    {
        Path = path;
        Root = root;
        Cells = ReadCells();
    }

    /// <summary>The file the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>The whole notebook JSON.</summary>
    public JsonObject Root { get; }

    /// <summary>The cells, in document order.</summary>
    public List<NotebookCell> Cells { get; private set; }

    /// <summary>The top-level metadata object, created when missing.</summary>
    public JsonObject Metadata => Root["metadata"] as JsonObject ?? (JsonObject)(Root["metadata"] = new JsonObject());

    /// <summary><c>nbformat_minor</c> (2 when the file has none, as VS Code assumes).</summary>
    public int Minor => Root["nbformat_minor"]?.GetValue<int>() ?? 2;

    /// <summary>Reads and checks an nbformat 4 notebook.</summary>
    /// <exception cref="NotebookFormatException">The file is not JSON or not nbformat 4.</exception>
    public static NotebookDocument Load(string path)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true }); }
        catch (JsonException ex) { throw new NotebookFormatException($"{path}: expected notebook JSON but the file does not parse: {ex.Message}"); }
        if (node is not JsonObject root || root["cells"] is not JsonArray)
            throw new NotebookFormatException($"{path}: expected a JSON object with a \"cells\" array (nbformat 4).");
        var major = root["nbformat"] is JsonValue version && version.TryGetValue<int>(out var number) ? number : (int?)null;
        if (major != 4)
            throw new NotebookFormatException($"{path}: expected nbformat 4. Received: nbformat={major?.ToString() ?? "missing"}.");
        return new NotebookDocument(System.IO.Path.GetFullPath(path), root);
    }

    /// <summary>Inserts a cell node after the given 0-based position and renumbers the cells.</summary>
    public void InsertCell(int position, JsonObject cell)
    {
        ((JsonArray)Root["cells"]!).Insert(position, cell);
        Cells = ReadCells();
    }

    /// <summary>Gives every cell lacking an id a deterministic 8-hex id (nbformat 4.5+ only).</summary>
    public void EnsureCellIds()
    {
        if (Minor < 5) return;
        var used = Cells.Select(c => c.Node["id"]?.GetValue<string>()).Where(id => id is not null).ToHashSet();
        var name = System.IO.Path.GetFileName(Path);
        foreach (var cell in Cells.Where(c => c.Node["id"] is null))
        {
            for (var salt = 0; ; salt++)
            {
                var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{name}#{cell.Index}#{salt}"));
                var id = Convert.ToHexStringLower(hash, 0, 4);
                if (!used.Add(id)) continue;
                cell.Node["id"] = id;
                break;
            }
        }
    }

    private List<NotebookCell> ReadCells() =>
        ((JsonArray)Root["cells"]!).Select((node, i) => node is JsonObject cell ? new NotebookCell(cell, i + 1)
            : throw new NotebookFormatException($"{Path}: expected cell {i + 1} to be a JSON object.")).ToList();
}

/// <summary>The file is not a readable nbformat 4 notebook.</summary>
public sealed class NotebookFormatException(string message) : Exception(message);
