namespace NotebookMnist.Charts;

/// <summary>Where and how the legend is drawn.</summary>
public sealed class PlotlyLegend
{
    /// <summary>Horizontal position in paper coordinates (0 left, 1 right).</summary>
    public double? X { get; set; }

    /// <summary>Vertical position in paper coordinates (0 bottom, 1 top).</summary>
    public double? Y { get; set; }

    /// <summary>"left", "center" or "right": which side of the legend sits at <see cref="X"/>.</summary>
    public string? XAnchor { get; set; }

    /// <summary>"top", "middle" or "bottom": which side of the legend sits at <see cref="Y"/>.</summary>
    public string? YAnchor { get; set; }

    /// <summary>"v" (default) or "h".</summary>
    public string? Orientation { get; set; }
}
