using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotebookMnist.Runner.Execution;

/// <summary>
/// One line of the conversation between <c>nbrun</c> and its kernel host (JSON, one object per line, over a local
/// pipe that a cell cannot reach: not the child's stdout, so <c>Console.SetOut</c> in a cell hides nothing).
/// </summary>
/// <remarks>
/// Parent → child: <c>run</c> (cell, code). Child → parent: <c>ready</c> once the kernel exists; per cell, in the
/// order the kernel produced them, <c>stdout</c>/<c>stderr</c> (text), <c>display</c> and <c>update</c> (id, data);
/// then <c>end</c> (kind, message, line); <c>fatal</c> (message) when an unhandled exception is about to end the child.
/// </remarks>
internal sealed record KernelMessage
{
    public required string Type { get; init; }
    public int Cell { get; init; }
    public string? Code { get; init; }
    public string? Text { get; init; }
    public string? Id { get; init; }
    public Dictionary<string, string>? Data { get; init; }
    public CellErrorKind Kind { get; init; }
    public int? Line { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Converters = { new JsonStringEnumConverter() },
        // Only our two processes read these lines: keep HTML and JSON outputs readable and short.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One line of JSON (no newline inside: JSON escapes them).</summary>
    public string ToLine() => JsonSerializer.Serialize(this, Options);

    /// <summary>Parses a line written by <see cref="ToLine"/>.</summary>
    public static KernelMessage Parse(string line) =>
        JsonSerializer.Deserialize<KernelMessage>(line, Options) ?? throw new JsonException($"Expected a kernel message. Received: {line}");
}
