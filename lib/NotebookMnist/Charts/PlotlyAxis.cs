using System.Globalization;

namespace NotebookMnist.Charts;

/// <summary>One x or y axis of the layout (<c>layout.xaxis</c>, <c>layout.yaxis2</c>, …).</summary>
public sealed class PlotlyAxis
{
    /// <summary>The axis title.</summary>
    public PlotlyTitle? Title { get; set; }

    /// <summary>The visible range [min, max].</summary>
    public IReadOnlyList<double>? Range { get; set; }

    /// <summary>The fraction [start, end] of the figure the axis spans (for subplots).</summary>
    public IReadOnlyList<double>? Domain { get; set; }

    /// <summary>The axis this one is drawn against, e.g. "y2" for "xaxis2".</summary>
    public string? Anchor { get; set; }

    /// <summary>Whether grid lines are drawn.</summary>
    public bool? ShowGrid { get; set; }

    /// <summary>Whether a line is drawn at zero.</summary>
    public bool? ZeroLine { get; set; }

    /// <summary>"linear", "log" or "category".</summary>
    public string? Type { get; set; }

    /// <summary>The step between ticks.</summary>
    public double? DTick { get; set; }

    /// <summary>"reversed" to flip the axis (image rows top to bottom).</summary>
    public string? AutoRange { get; set; }

    /// <summary>The axis reference whose scale this one follows, for square pixels.</summary>
    public string? ScaleAnchor { get; set; }

    /// <summary>Whether the tick labels are shown.</summary>
    public bool? ShowTickLabels { get; set; }

    /// <summary>The trace reference of x axis <paramref name="index"/>: "x", "x2", "x3", ….</summary>
    public static string XRef(int index) => "x" + Suffix(index);

    /// <summary>The trace reference of y axis <paramref name="index"/>: "y", "y2", "y3", ….</summary>
    public static string YRef(int index) => "y" + Suffix(index);

    internal static string Suffix(int index)
    {
        if (index < 1)
            throw new ArgumentOutOfRangeException(
                nameof(index), $"Expected `index` to be a positive subplot number. Received: index={index}.");
        return index == 1 ? "" : index.ToString(CultureInfo.InvariantCulture);
    }
}
