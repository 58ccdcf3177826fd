using System.Text.Json.Serialization;

namespace NotebookMnist.Charts;

/// <summary>The plotly.js config object: interaction options that are not part of the picture.</summary>
public sealed class PlotlyConfig
{
    /// <summary>Whether the chart resizes with its container.</summary>
    [JsonPropertyName("responsive")]
    public bool? Responsive { get; set; } = true;

    /// <summary>Whether the Plotly logo is shown in the mode bar.</summary>
    [JsonPropertyName("displaylogo")]
    public bool? DisplayLogo { get; set; } = false;

    /// <summary>Whether the mode bar (zoom, pan, download) is shown; null lets plotly.js show it on hover.</summary>
    [JsonPropertyName("displayModeBar")]
    public bool? DisplayModeBar { get; set; }

    /// <summary>Whether all interaction is turned off.</summary>
    [JsonPropertyName("staticPlot")]
    public bool? StaticPlot { get; set; }
}
