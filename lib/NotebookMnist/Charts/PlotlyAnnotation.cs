namespace NotebookMnist.Charts;

/// <summary>A text label placed on the figure, used here for subplot titles.</summary>
public sealed class PlotlyAnnotation
{
    /// <summary>The text.</summary>
    public string? Text { get; set; }

    /// <summary>Horizontal position (in <see cref="XRef"/> coordinates).</summary>
    public double? X { get; set; }

    /// <summary>Vertical position (in <see cref="YRef"/> coordinates).</summary>
    public double? Y { get; set; }

    /// <summary>"paper" for figure fractions, or an axis reference such as "x2".</summary>
    public string? XRef { get; set; }

    /// <summary>"paper" for figure fractions, or an axis reference such as "y2".</summary>
    public string? YRef { get; set; }

    /// <summary>"left", "center" or "right".</summary>
    public string? XAnchor { get; set; }

    /// <summary>"top", "middle" or "bottom".</summary>
    public string? YAnchor { get; set; }

    /// <summary>Whether an arrow points at (x, y).</summary>
    public bool? ShowArrow { get; set; }
}
