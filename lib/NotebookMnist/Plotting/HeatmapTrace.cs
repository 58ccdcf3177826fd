namespace NotebookMnist.Plotting;

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

    /// <summary>Builds a heatmap from the rows of <paramref name="matrix"/>.</summary>
    public static HeatmapTrace FromMatrix(Matrix matrix, string? colorScale = "Viridis")
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var z = new double[matrix.Rows][];
        for (int r = 0; r < matrix.Rows; r++)
        {
            z[r] = new double[matrix.Cols];
            for (int c = 0; c < matrix.Cols; c++) z[r][c] = matrix[r, c];
        }
        return new HeatmapTrace { Z = z, ColorScale = colorScale };
    }
}
