using static TorchSharp.torch;

namespace NotebookMnist.Charts;

/// <summary>Ready-made charts for the notebooks; each returns a <see cref="PlotlyFigure"/> that displays itself.</summary>
public static partial class Plot
{
    /// <summary>One line per named series against shared x values.</summary>
    public static PlotlyFigure Lines(
        IReadOnlyList<double> x,
        IEnumerable<(string Name, IReadOnlyList<double> Y)> series,
        string? title = null, string? xlabel = null, string? ylabel = null,
        (double Min, double Max)? ylim = null, int width = 640, int height = 400)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(series);
        var figure = new PlotlyFigure(layout: new PlotlyLayout { Title = title, Width = width, Height = height });
        int i = 0;
        foreach (var (name, y) in series)
            figure.Add(ScatterTrace.LineOf(x, y, name, PlotColors.At(i++)));
        figure.Layout.XAxis().Title = xlabel;
        figure.Layout.YAxis().Title = ylabel;
        if (ylim is var (min, max)) figure.Layout.YAxis().Range = [min, max];
        return figure;
    }

    /// <summary>One line through (x, y).</summary>
    public static PlotlyFigure Line(
        IReadOnlyList<double> x, IReadOnlyList<double> y, string? name = null,
        string? title = null, string? xlabel = null, string? ylabel = null) =>
        Lines(x, [(name ?? "", y)], title, xlabel, ylabel);

    /// <summary>One line through (x, y) given as arrays (this overload keeps arrays from converting to tensors).</summary>
    public static PlotlyFigure Line(
        double[] x, double[] y, string? name = null, string? title = null, string? xlabel = null, string? ylabel = null) =>
        Line((IReadOnlyList<double>)x, y, name, title, xlabel, ylabel);

    /// <summary>One line through the 1-D tensors (x, y).</summary>
    public static PlotlyFigure Line(
        Tensor x, Tensor y, string? name = null, string? title = null, string? xlabel = null, string? ylabel = null) =>
        Line((IReadOnlyList<double>)Values.Vector(x, nameof(x)), Values.Vector(y, nameof(y)), name, title, xlabel, ylabel);

    /// <summary>A bar per category, e.g. the ten softmax probabilities of one image.</summary>
    public static PlotlyFigure Bar(
        IReadOnlyList<string> categories, IReadOnlyList<double> values,
        string? title = null, string? xlabel = null, string? ylabel = null, int width = 640, int height = 360)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(values);
        if (categories.Count != values.Count)
            throw new ArgumentException(
                $"Expected one value per category. Received: categories.Count={categories.Count}, values.Count={values.Count}.",
                nameof(values));
        var figure = new PlotlyFigure(layout: new PlotlyLayout { Title = title, Width = width, Height = height });
        figure.Add(new BarTrace { X = categories, Y = values, Marker = new PlotlyMarker { Color = PlotColors.Blue } });
        figure.Layout.XAxis().Title = xlabel;
        figure.Layout.YAxis().Title = ylabel;
        return figure;
    }

    /// <summary>A heatmap of <paramref name="values"/> with row 0 at the top, e.g. a confusion matrix or weights.</summary>
    public static PlotlyFigure Heatmap(
        double[,] values, IReadOnlyList<string>? columnLabels = null, IReadOnlyList<string>? rowLabels = null,
        string? title = null, string? colorScale = "Viridis", int width = 520, int height = 480)
    {
        var trace = HeatmapTrace.FromRows(values, colorScale);
        trace.X = columnLabels;
        trace.Y = rowLabels;
        var figure = new PlotlyFigure([trace], new PlotlyLayout { Title = title, Width = width, Height = height });
        figure.Layout.YAxis().AutoRange = "reversed";
        return figure;
    }

    /// <summary>A heatmap of a 2-D tensor (any dtype) with row 0 at the top.</summary>
    public static PlotlyFigure Heatmap(
        Tensor values, IReadOnlyList<string>? columnLabels = null, IReadOnlyList<string>? rowLabels = null,
        string? title = null, string? colorScale = "Viridis", int width = 520, int height = 480) =>
        Heatmap(Values.Matrix(values, nameof(values)), columnLabels, rowLabels, title, colorScale, width, height);

    /// <summary>A bar per category from an array (this overload keeps arrays from converting to tensors).</summary>
    public static PlotlyFigure Bar(
        IReadOnlyList<string> categories, double[] values,
        string? title = null, string? xlabel = null, string? ylabel = null, int width = 640, int height = 360) =>
        Bar(categories, (IReadOnlyList<double>)values, title, xlabel, ylabel, width, height);

    /// <summary>A bar per category from a 1-D tensor, e.g. <c>softmax(logits)[0]</c>.</summary>
    public static PlotlyFigure Bar(
        IReadOnlyList<string> categories, Tensor values,
        string? title = null, string? xlabel = null, string? ylabel = null, int width = 640, int height = 360) =>
        Bar(categories, (IReadOnlyList<double>)Values.Vector(values, nameof(values)), title, xlabel, ylabel, width, height);

    /// <summary>Curves of named functions sampled at <paramref name="points"/> evenly spaced x in [from, to].</summary>
    public static PlotlyFigure Functions(
        double from, double to, IEnumerable<(string Name, Func<double, double> F)> functions,
        string? title = null, string? xlabel = "x", string? ylabel = null, int points = 121)
    {
        ArgumentNullException.ThrowIfNull(functions);
        double[] x = Linspace(from, to, points);
        var series = functions.Select(f => (f.Name, (IReadOnlyList<double>)Array.ConvertAll(x, v => f.F(v))));
        return Lines(x, series, title, xlabel, ylabel);
    }

    /// <summary><paramref name="count"/> evenly spaced values from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    /// <remarks>x[i] = from + (to − from)·i/(count − 1), so whole-number points such as 2 are hit exactly.</remarks>
    public static double[] Linspace(double from, double to, int count)
    {
        if (count < 2)
            throw new ArgumentOutOfRangeException(
                nameof(count), $"Expected `count` to be at least 2. Received: count={count}.");
        var x = new double[count];
        for (int i = 0; i < count; i++) x[i] = from + (to - from) * i / (count - 1);
        x[^1] = to;
        return x;
    }
}
