namespace NotebookMnist.Charts;

/// <summary>The marker style of a scatter or bar trace.</summary>
public sealed class PlotlyMarker
{
    /// <summary>A CSS colour, e.g. "#ff7f0e".</summary>
    public string? Color { get; set; }

    /// <summary>The marker size in pixels.</summary>
    public double? Size { get; set; }

    /// <summary>The marker symbol, e.g. "circle" or "x".</summary>
    public string? Symbol { get; set; }
}
