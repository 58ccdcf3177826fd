using NotebookMnist.Charts;
using static TorchSharp.torch;

namespace NotebookMnist.D2l;

public static partial class D2l
{
    /// <summary>d2l's <c>plot</c>: one line per series in <paramref name="ys"/> against <paramref name="x"/>, styled by <paramref name="fmts"/>.</summary>
    /// <param name="x">The shared x values.</param>
    /// <param name="ys">One array of y values per series, each as long as <paramref name="x"/>.</param>
    /// <param name="xlabel">The x axis title.</param>
    /// <param name="ylabel">The y axis title.</param>
    /// <param name="legend">The series names (none: no legend).</param>
    /// <param name="xlim">The x range; null fits the data.</param>
    /// <param name="ylim">The y range; null fits the data.</param>
    /// <param name="xscale">"linear" or "log".</param>
    /// <param name="yscale">"linear" or "log".</param>
    /// <param name="fmts">matplotlib line formats, cycled; default '-', 'm--', 'g-.', 'r:'.</param>
    /// <param name="figsize">Width and height in inches (default 3.5 × 2.5).</param>
    /// <remarks>Uses the same axes and styles as <see cref="Animator"/>; NaN values leave gaps, as None does in d2l.</remarks>
    public static PlotlyFigure Plot(
        double[] x, IReadOnlyList<double[]> ys, string? xlabel = null, string? ylabel = null,
        IReadOnlyList<string>? legend = null, (double Min, double Max)? xlim = null, (double Min, double Max)? ylim = null,
        string xscale = "linear", string yscale = "linear", IReadOnlyList<string>? fmts = null,
        (double Width, double Height)? figsize = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(ys);
        for (int j = 0; j < ys.Count; j++)
        {
            if (ys[j] is null || ys[j].Length != x.Length)
                throw new ArgumentException(
                    $"Expected every series to have x.Length={x.Length} values. Received: ys[{j}] with {ys[j]?.Length.ToString() ?? "null"}.",
                    nameof(ys));
        }
        var chart = new Animator(xlabel, ylabel, legend, xlim, ylim, xscale, yscale, fmts, figsize);
        for (int i = 0; i < x.Length; i++) chart.Append(x[i], ys.Select(y => y[i]).ToArray());
        return chart.Figure;
    }

    /// <summary>d2l's <c>plot(x, y, …)</c> for one series of 1-D tensors, e.g. <c>D2l.Plot(x, relu(x), "x", "relu(x)")</c>.</summary>
    public static PlotlyFigure Plot(
        Tensor x, Tensor y, string? xlabel = null, string? ylabel = null,
        IReadOnlyList<string>? legend = null, (double Min, double Max)? xlim = null, (double Min, double Max)? ylim = null,
        string xscale = "linear", string yscale = "linear", IReadOnlyList<string>? fmts = null,
        (double Width, double Height)? figsize = null) =>
        Plot(Values.Vector(x, nameof(x)), [Values.Vector(y, nameof(y))], xlabel, ylabel, legend, xlim, ylim, xscale, yscale, fmts, figsize);

    /// <summary>d2l's <c>plot(x, [y1, y2, …], …)</c> for several series of 1-D tensors.</summary>
    public static PlotlyFigure Plot(
        Tensor x, IReadOnlyList<Tensor> ys, string? xlabel = null, string? ylabel = null,
        IReadOnlyList<string>? legend = null, (double Min, double Max)? xlim = null, (double Min, double Max)? ylim = null,
        string xscale = "linear", string yscale = "linear", IReadOnlyList<string>? fmts = null,
        (double Width, double Height)? figsize = null)
    {
        ArgumentNullException.ThrowIfNull(ys);
        return Plot(Values.Vector(x, nameof(x)), ys.Select((y, j) => Values.Vector(y, $"ys[{j}]")).ToArray(),
            xlabel, ylabel, legend, xlim, ylim, xscale, yscale, fmts, figsize);
    }
}
