namespace NotebookMnist.Charts;

/// <summary>The colours the charts use: matplotlib's default cycle (tab10), as in d2l's figures.</summary>
public static class PlotColors
{
    /// <summary>tab10 blue, matplotlib's first colour (C0).</summary>
    public const string Blue = "#1f77b4";

    /// <summary>tab10 orange (C1).</summary>
    public const string Orange = "#ff7f0e";

    /// <summary>tab10 green (C2).</summary>
    public const string Green = "#2ca02c";

    /// <summary>tab10 red (C3).</summary>
    public const string Red = "#d62728";

    /// <summary>tab10 purple (C4).</summary>
    public const string Purple = "#9467bd";

    /// <summary>The default colour cycle, C0 to C9.</summary>
    public static IReadOnlyList<string> Cycle { get; } =
        [Blue, Orange, Green, Red, Purple, "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>The cycle colour for series <paramref name="index"/> (wraps around).</summary>
    public static string At(int index) => Cycle[((index % Cycle.Count) + Cycle.Count) % Cycle.Count];
}
