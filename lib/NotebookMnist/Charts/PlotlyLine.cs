namespace NotebookMnist.Charts;

/// <summary>The line style of a scatter trace.</summary>
public sealed class PlotlyLine
{
    /// <summary>A CSS colour, e.g. "#1f77b4".</summary>
    public string? Color { get; set; }

    /// <summary>"solid", "dash", "dashdot", "dot" (or a dash-length list such as "5px,10px").</summary>
    public string? Dash { get; set; }

    /// <summary>The width in pixels (plotly.js default: 2).</summary>
    public double? Width { get; set; }
}
