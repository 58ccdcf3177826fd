namespace NotebookMnist.Charts;

/// <summary>A bar trace: one bar per category.</summary>
public sealed class BarTrace : PlotlyTrace
{
    /// <summary>Always "bar".</summary>
    public override string Type => "bar";

    /// <summary>The category of each bar (or the values, when horizontal).</summary>
    public IReadOnlyList<string>? X { get; set; }

    /// <summary>The height of each bar.</summary>
    public IReadOnlyList<double>? Y { get; set; }

    /// <summary>"v" (default) or "h".</summary>
    public string? Orientation { get; set; }

    /// <summary>The bar colour.</summary>
    public PlotlyMarker? Marker { get; set; }
}
