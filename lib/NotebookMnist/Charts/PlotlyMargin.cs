namespace NotebookMnist.Charts;

/// <summary>The margins around the plotting area, in pixels.</summary>
public sealed class PlotlyMargin
{
    /// <summary>Left margin.</summary>
    public double? L { get; set; }

    /// <summary>Right margin.</summary>
    public double? R { get; set; }

    /// <summary>Top margin.</summary>
    public double? T { get; set; }

    /// <summary>Bottom margin.</summary>
    public double? B { get; set; }
}
