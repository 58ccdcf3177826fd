namespace NotebookMnist.Charts;

/// <summary>A scatter trace: lines, markers or both through (x, y) points.</summary>
public sealed class ScatterTrace : PlotlyTrace
{
    /// <summary>Always "scatter".</summary>
    public override string Type => "scatter";

    /// <summary>The x coordinates.</summary>
    public IReadOnlyList<double>? X { get; set; }

    /// <summary>The y coordinates.</summary>
    public IReadOnlyList<double>? Y { get; set; }

    /// <summary>"lines", "markers" or "lines+markers".</summary>
    public string? Mode { get; set; }

    /// <summary>The line style (colour, dash, width).</summary>
    public PlotlyLine? Line { get; set; }

    /// <summary>The marker style (colour, size, symbol).</summary>
    public PlotlyMarker? Marker { get; set; }

    /// <summary>A line through (x, y) with the given name, colour and dash ("solid", "dash", "dashdot", "dot").</summary>
    public static ScatterTrace LineOf(
        IReadOnlyList<double> x, IReadOnlyList<double> y, string? name = null, string? color = null, string? dash = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
            throw new ArgumentException(
                $"Expected `x` and `y` to have the same length. Received: x.Count={x.Count}, y.Count={y.Count}.", nameof(y));
        return new ScatterTrace
        {
            X = x, Y = y, Name = name, Mode = "lines",
            Line = color is null && dash is null ? null : new PlotlyLine { Color = color, Dash = dash },
        };
    }
}
