using System.Text.Json.Serialization;

namespace NotebookMnist.Charts;

/// <summary>One plotly.js trace: what is drawn and on which pair of axes.</summary>
[JsonDerivedType(typeof(ScatterTrace))]
[JsonDerivedType(typeof(BarTrace))]
[JsonDerivedType(typeof(HeatmapTrace))]
[JsonDerivedType(typeof(ImageTrace))]
public abstract class PlotlyTrace
{
    /// <summary>The plotly.js trace type, e.g. "scatter".</summary>
    [JsonPropertyOrder(-1)]
    public abstract string Type { get; }

    /// <summary>The legend label.</summary>
    public string? Name { get; set; }

    /// <summary>The x axis reference: "x" for the first subplot, "x2", "x3", … for the others.</summary>
    public string? XAxis { get; set; }

    /// <summary>The y axis reference: "y" for the first subplot, "y2", "y3", … for the others.</summary>
    public string? YAxis { get; set; }

    /// <summary>Whether the trace appears in the legend (plotly.js default: true).</summary>
    public bool? ShowLegend { get; set; }

    /// <summary>Traces with the same group toggle together in the legend.</summary>
    public string? LegendGroup { get; set; }

    /// <summary>Places the trace on subplot <paramref name="index"/> (1-based, row-major) and returns it.</summary>
    public PlotlyTrace OnSubplot(int index)
    {
        XAxis = PlotlyAxis.XRef(index);
        YAxis = PlotlyAxis.YRef(index);
        return this;
    }
}
