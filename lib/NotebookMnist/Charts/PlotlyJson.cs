using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotebookMnist.Charts;

/// <summary>The System.Text.Json settings that turn the figure model into plotly.js JSON.</summary>
/// <remarks>
/// plotly.js attribute names are lower case without separators (<c>showlegend</c>, <c>colorscale</c>,
/// <c>xanchor</c>), so C# property names are simply lower-cased; null members are omitted.
/// </remarks>
internal static class PlotlyJson
{
    /// <summary>The shared serializer options (compact output).</summary>
    public static readonly JsonSerializerOptions Options = Create(indented: false);

    /// <summary>The shared serializer options (indented output, for reading).</summary>
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented) => new()
    {
        PropertyNamingPolicy = new LowerCaseNamingPolicy(),
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable "y′", "+"; PlotlyHtml escapes "<"
        WriteIndented = indented,
    };

    private sealed class LowerCaseNamingPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
