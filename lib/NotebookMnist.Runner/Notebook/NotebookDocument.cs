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

    /// <summary>Reads and checks an nbformat 4 notebook: a regular file of at most <see cref="NotebookFile.MaxBytes"/>,
    /// JSON, with the fields the runner reads of the right types.</summary>
    /// <exception cref="NotebookFormatException">The file is not a regular file, too large, not JSON or not nbformat 4;
    /// the message names the file and the field.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static NotebookDocument Load(string path)
    {
        var bytes = NotebookFile.ReadAllBytes(path);
        JsonNode? node;
        try { node = Parse(bytes); }
        catch (JsonException ex) { throw new NotebookFormatException($"{path}: expected notebook JSON but the file does not parse: {ex.Message}"); }
        if (node is not JsonObject root || root["cells"] is not JsonArray)
            throw new NotebookFormatException($"{path}: expected a JSON object with a \"cells\" array (nbformat 4).");
        if (NotebookSchema.Check(root) is { Count: > 0 } errors)
            throw new NotebookFormatException(string.Join("\n", errors.Select(error => $"{path}: {error}")));
        var major = root["nbformat"]!.GetValue<int>();
        if (major != 4)
            throw new NotebookFormatException($"{path}: expected nbformat 4. Received: nbformat={major}.");
        return new NotebookDocument(System.IO.Path.GetFullPath(path), root);
    }

    private static JsonNode? Parse(byte[] bytes)
    {
        var options = new JsonDocumentOptions { AllowTrailingCommas = true };
        if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFE, 0xFF) or (0xFF, 0xFE))
        {
            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            return JsonNode.Parse(reader.ReadToEnd(), documentOptions: options);
        }
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return JsonNode.Parse(bytes.AsSpan(start), documentOptions: options);
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
