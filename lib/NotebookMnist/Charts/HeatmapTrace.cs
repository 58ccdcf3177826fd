namespace NotebookMnist.Charts;

/// <summary>A heatmap trace: a matrix of values drawn as coloured cells (row 0 at the bottom unless the y axis is reversed).</summary>
public sealed class HeatmapTrace : PlotlyTrace
{
    /// <summary>Always "heatmap".</summary>
    public override string Type => "heatmap";

    /// <summary>The values, one inner array per row.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Z { get; set; }

    /// <summary>Column labels.</summary>
    public IReadOnlyList<string>? X { get; set; }

    /// <summary>Row labels.</summary>
    public IReadOnlyList<string>? Y { get; set; }

    /// <summary>A named plotly.js colour scale, e.g. "Viridis" or "Greys".</summary>
    public string? ColorScale { get; set; }

    /// <summary>The value mapped to the low end of the colour scale.</summary>
    public double? ZMin { get; set; }

    /// <summary>The value mapped to the high end of the colour scale.</summary>
    public double? ZMax { get; set; }

    /// <summary>Whether the colour bar is shown.</summary>
    public bool? ShowScale { get; set; }

    /// <summary>Builds a heatmap from <paramref name="values"/>, one row of cells per row of the array.</summary>
    public static HeatmapTrace FromRows(double[,] values, string? colorScale = "Viridis")
    {
        ArgumentNullException.ThrowIfNull(values);
        var z = new double[values.GetLength(0)][];
        for (int r = 0; r < z.Length; r++)
        {
            z[r] = new double[values.GetLength(1)];
            for (int c = 0; c < z[r].Length; c++) z[r][c] = values[r, c];
        }
        return new HeatmapTrace { Z = z, ColorScale = colorScale };
    }
}
