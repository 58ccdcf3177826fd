using Microsoft.Data.Analysis;
using NotebookMnist.Charts;
using NotebookMnist.Formatting;
using NotebookMnist.Tables;

namespace NotebookMnist.D2l;

/// <summary>d2l's <c>Animator</c>: a chart that grows by one point per series at each <see cref="Add"/> and redraws in place.</summary>
/// <remarks>
/// As in d2l, <c>Add</c> shows the chart: the first call displays it in the running cell and every later call replaces
/// that same output (through <see cref="LiveDisplay"/>, which works around the kernel's display-id defect), so a
/// training loop leaves one chart with every point. Outside a kernel it only keeps the points (<see cref="Series"/>).
/// <c>train_ch3</c> makes one with <c>xlabel: "epoch", xlim: (1, numEpochs), ylim: (0.3, 0.9),
/// legend: ["train loss", "train acc", "test acc"]</c>. NaN values are skipped, as d2l skips None.
/// Introduced in notebooks/04-softmax-regression-scratch.ipynb.
/// </remarks>
[TypeFormatterSource(typeof(AnimatorFormatterSource), PreferredMimeTypes = new[] { PlotlyFigure.MimeType, "text/html" })]
public sealed class Animator
{
    /// <summary>Pixels per inch of d2l's <c>figsize</c>.</summary>
    public const int PixelsPerInch = 128;

    private readonly List<List<(double X, double Y)>> _series = [];
    private readonly LineFormat[] _formats;
    private readonly LiveDisplay _display = new(PlotlyFigure.MimeType, "text/html");

    /// <summary>Creates an empty chart with d2l's parameters.</summary>
    /// <param name="xlabel">The x axis title.</param>
    /// <param name="ylabel">The y axis title.</param>
    /// <param name="legend">The series names, in the order of the values passed to <see cref="Add"/>.</param>
    /// <param name="xlim">The x range; null fits the data.</param>
    /// <param name="ylim">The y range; null fits the data.</param>
    /// <param name="xscale">"linear" or "log".</param>
    /// <param name="yscale">"linear" or "log".</param>
    /// <param name="fmts">matplotlib line formats, cycled over the series; default '-', 'm--', 'g-.', 'r:'.</param>
    /// <param name="figsize">Width and height in inches (default 3.5 × 2.5), drawn at <see cref="PixelsPerInch"/>.</param>
    public Animator(
        string? xlabel = null, string? ylabel = null, IReadOnlyList<string>? legend = null,
        (double Min, double Max)? xlim = null, (double Min, double Max)? ylim = null,
        string xscale = "linear", string yscale = "linear",
        IReadOnlyList<string>? fmts = null, (double Width, double Height)? figsize = null)
    {
        XLabel = xlabel;
        YLabel = ylabel;
        Legend = legend ?? [];
        XLim = xlim;
        YLim = ylim;
        XScale = Scale(xscale, nameof(xscale));
        YScale = Scale(yscale, nameof(yscale));
        _formats = (fmts ?? ["-", "m--", "g-.", "r:"]).Select(LineFormat.Parse).ToArray();
        if (_formats.Length == 0)
            throw new ArgumentException("Expected at least one line format in `fmts`. Received: none.", nameof(fmts));
        var (width, height) = figsize ?? (3.5, 2.5);
        if (!(width > 0 && height > 0))
            throw new ArgumentOutOfRangeException(nameof(figsize), $"Expected a positive `figsize`. Received: figsize=({width}, {height}).");
        FigSize = (width, height);
    }

    /// <summary>The x axis title.</summary>
    public string? XLabel { get; }

    /// <summary>The y axis title.</summary>
    public string? YLabel { get; }

    /// <summary>The series names.</summary>
    public IReadOnlyList<string> Legend { get; }

    /// <summary>The x range, or null to fit the data.</summary>
    public (double Min, double Max)? XLim { get; }

    /// <summary>The y range, or null to fit the data.</summary>
    public (double Min, double Max)? YLim { get; }

    /// <summary>"linear" or "log".</summary>
    public string XScale { get; }

    /// <summary>"linear" or "log".</summary>
    public string YScale { get; }

    /// <summary>Width and height in inches.</summary>
    public (double Width, double Height) FigSize { get; }

    /// <summary>The points of each series so far.</summary>
    public IReadOnlyList<IReadOnlyList<(double X, double Y)>> Series => _series;

    /// <summary>The display id of the chart in the running notebook, or null when it has not been shown (outside a kernel).</summary>
    public string? DisplayId => _display.DisplayId;

    /// <summary>Appends the point (x, ys[i]) to series i (NaN values are skipped) and redraws the chart in place.</summary>
    public void Add(double x, params double[] ys)
    {
        Append(x, ys);
        _display.Show(Figure);
    }

    /// <summary>Appends the points without drawing (<see cref="D2l.Plot(double[], IReadOnlyList{double[]}, string?, string?, IReadOnlyList{string}?, ValueTuple{double, double}?, ValueTuple{double, double}?, string, string, IReadOnlyList{string}?, ValueTuple{double, double}?)"/> builds its figure this way).</summary>
    internal void Append(double x, double[] ys)
    {
        ArgumentNullException.ThrowIfNull(ys);
        while (_series.Count < ys.Length) _series.Add([]);
        for (int i = 0; i < ys.Length; i++)
        {
            if (!double.IsNaN(x) && !double.IsNaN(ys[i])) _series[i].Add((x, ys[i]));
        }
    }

    /// <summary>A new figure of the points so far.</summary>
    public PlotlyFigure Figure
    {
        get
        {
            var figure = new PlotlyFigure(layout: CreateLayout());
            for (int i = 0; i < _series.Count; i++) figure.Add(CreateTrace(i));
            return figure;
        }
    }

    /// <summary>The points as a table: an x column (named by <see cref="XLabel"/>, else "x") and one column per series.</summary>
    /// <remarks>Rows are the distinct x values in order of arrival; a series without a point at some x has NaN there.</remarks>
    public DataFrame ToDataFrame()
    {
        var xs = _series.SelectMany(s => s.Select(p => p.X)).Distinct().ToList();
        var columns = new List<(string Name, IEnumerable<double> Values)> { (XLabel ?? "x", xs) };
        for (int i = 0; i < _series.Count; i++)
        {
            var points = _series[i].GroupBy(p => p.X).ToDictionary(g => g.Key, g => g.Last().Y);
            columns.Add((SeriesName(i), xs.Select(x => points.TryGetValue(x, out double y) ? y : double.NaN)));
        }
        return Frames.FromColumns([.. columns]);
    }

    private string SeriesName(int i) => i < Legend.Count ? Legend[i] : $"series {i + 1}";

    private ScatterTrace CreateTrace(int i)
    {
        var format = _formats[i % _formats.Length];
        var points = _series[i];
        var trace = ScatterTrace.LineOf(
            points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(),
            SeriesName(i), format.Color ?? PlotColors.At(i), format.Dash);
        trace.Mode = points.Count == 1 ? "lines+markers" : "lines";
        return trace;
    }

    private PlotlyLayout CreateLayout()
    {
        var layout = new PlotlyLayout
        {
            Width = (int)Math.Round(FigSize.Width * PixelsPerInch) + (Legend.Count > 0 ? 120 : 0),
            Height = (int)Math.Round(FigSize.Height * PixelsPerInch),
            ShowLegend = Legend.Count > 0,
            Legend = new PlotlyLegend { X = 1.02, Y = 0.5, XAnchor = "left", YAnchor = "middle" },
            Margin = new PlotlyMargin { L = 50, R = 20, T = 20, B = 50 },
        };
        Configure(layout.XAxis(), XLabel, XLim, XScale);
        Configure(layout.YAxis(), YLabel, YLim, YScale);
        return layout;
    }

    private static void Configure(PlotlyAxis axis, string? label, (double Min, double Max)? lim, string scale)
    {
        axis.Title = label;
        axis.ShowGrid = true;
        axis.Type = scale;
        // plotly.js gives a log axis's range in log10 units; matplotlib's xlim is in data units.
        if (lim is var (min, max)) axis.Range = scale == "log" ? [Math.Log10(min), Math.Log10(max)] : [min, max];
    }

    private static string Scale(string scale, string name) => scale is "linear" or "log"
        ? scale
        : throw new ArgumentException($"Expected `{name}` to be \"linear\" or \"log\". Received: {name}=\"{scale}\".", name);
}

/// <summary>Shows an <see cref="Animator"/> as its current figure, so leaving one as a cell's value draws it.</summary>
public sealed class AnimatorFormatterSource
{
    /// <summary>The figure's formatters, applied to <see cref="Animator.Figure"/>.</summary>
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new MimeFormatter(typeof(Animator), PlotlyFigure.MimeType, a => ((Animator)a).Figure.ToJson());
        yield return new MimeFormatter(typeof(Animator), "text/html", a => ((Animator)a).Figure.ToHtml());
        yield return new MimeFormatter(typeof(Animator), "text/plain", a => ((Animator)a).Figure.ToString());
    }
}
