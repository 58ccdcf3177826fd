using NotebookMnist.Formatting;

namespace NotebookMnist.Plotting;

/// <summary>d2l's Animator: a training chart that grows by one point per series each epoch.</summary>
/// <remarks>
/// In a notebook: <c>var view = display(animator.Figure);</c> once, then per epoch <c>animator.Add(epoch, loss, trainAcc,
/// testAcc); view.Update(animator.Figure);</c>. The defaults are those of d2l's <c>train_ch3</c>: x label "epoch",
/// legend train loss / train acc / test acc, y from 0.3 to 0.9, styles '-', 'm--', 'g-.', 'r:'.
/// Values that are NaN are skipped (d2l skips None). Introduced in notebooks/04-softmax-regression-scratch.ipynb.
/// </remarks>
[TypeFormatterSource(typeof(AnimatorFormatterSource), PreferredMimeTypes = new[] { PlotlyFigure.MimeType, "text/html" })]
public sealed class Animator
{
    private readonly List<List<(double X, double Y)>> _series = [];
    private readonly LineFormat[] _formats;

    /// <summary>Creates an empty chart; null <paramref name="ylim"/> means d2l's training range (0.3, 0.9).</summary>
    public Animator(
        string? xlabel = "epoch", string? ylabel = null, IReadOnlyList<string>? legend = null,
        (double Min, double Max)? xlim = null, (double Min, double Max)? ylim = null,
        IReadOnlyList<string>? fmts = null, int width = 480, int height = 320)
    {
        XLabel = xlabel;
        YLabel = ylabel;
        Legend = legend ?? ["train loss", "train acc", "test acc"];
        XLim = xlim;
        YLim = ylim ?? (0.3, 0.9);
        _formats = (fmts ?? ["-", "m--", "g-.", "r:"]).Select(LineFormat.Parse).ToArray();
        if (_formats.Length == 0)
            throw new ArgumentException("Expected at least one line format in `fmts`. Received: none.", nameof(fmts));
        Width = width;
        Height = height;
    }

    /// <summary>The x axis title.</summary>
    public string? XLabel { get; }

    /// <summary>The y axis title.</summary>
    public string? YLabel { get; }

    /// <summary>The series names, in the order of the values passed to <see cref="Add"/>.</summary>
    public IReadOnlyList<string> Legend { get; }

    /// <summary>The x range, or null to fit the data.</summary>
    public (double Min, double Max)? XLim { get; }

    /// <summary>The y range.</summary>
    public (double Min, double Max) YLim { get; }

    /// <summary>The chart width in pixels.</summary>
    public int Width { get; }

    /// <summary>The chart height in pixels.</summary>
    public int Height { get; }

    /// <summary>The points of each series so far.</summary>
    public IReadOnlyList<IReadOnlyList<(double X, double Y)>> Series => _series;

    /// <summary>Appends the point (x, ys[i]) to series i; NaN values are skipped.</summary>
    public void Add(double x, params double[] ys)
    {
        ArgumentNullException.ThrowIfNull(ys);
        while (_series.Count < ys.Length) _series.Add([]);
        for (int i = 0; i < ys.Length; i++)
        {
            if (!double.IsNaN(ys[i])) _series[i].Add((x, ys[i]));
        }
    }

    /// <summary>A new figure of the points so far (pass it to the display handle's <c>Update</c>).</summary>
    public PlotlyFigure Figure
    {
        get
        {
            var figure = new PlotlyFigure(layout: CreateLayout());
            for (int i = 0; i < _series.Count; i++)
                figure.Add(CreateTrace(i));
            return figure;
        }
    }

    private ScatterTrace CreateTrace(int i)
    {
        var format = _formats[i % _formats.Length];
        var points = _series[i];
        var trace = ScatterTrace.LineOf(
            points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(),
            i < Legend.Count ? Legend[i] : $"series {i + 1}", format.Color ?? PlotColors.At(i), format.Dash);
        trace.Mode = points.Count == 1 ? "lines+markers" : "lines";
        return trace;
    }

    private PlotlyLayout CreateLayout()
    {
        var layout = new PlotlyLayout
        {
            Width = Width, Height = Height, ShowLegend = true,
            Legend = new PlotlyLegend { X = 1.02, Y = 0.5, XAnchor = "left", YAnchor = "middle" },
            Margin = new PlotlyMargin { L = 50, R = 20, T = 20, B = 50 },
        };
        var x = layout.XAxis();
        x.Title = XLabel;
        x.ShowGrid = true;
        if (XLim is var (min, max)) x.Range = [min, max];
        var y = layout.YAxis();
        y.Title = YLabel;
        y.ShowGrid = true;
        y.Range = [YLim.Min, YLim.Max];
        return layout;
    }
}
