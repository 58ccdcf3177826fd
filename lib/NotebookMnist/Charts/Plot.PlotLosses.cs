namespace NotebookMnist.Charts;

public static partial class Plot
{
    /// <summary>The lecture's loss panels over y′ in [−3, 3]: loss (blue), likelihood exp(−loss) (green), gradient (orange).</summary>
    public static PlotlyFigure PlotLosses(params LossCurve[] panels) => PlotLosses(-3, 3, panels);

    /// <summary>One panel per loss with y = 0 and the prediction y′ from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <remarks>
    /// Each panel has three curves: the loss l(0, y′), the likelihood exp(−l) (Gaussian for L2, Laplace for L1) and
    /// the gradient ∂l/∂y′. The legend shows the three curve kinds once; clicking one hides it in every panel.
    /// </remarks>
    public static PlotlyFigure PlotLosses(double from, double to, params LossCurve[] panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Length == 0)
            throw new ArgumentException("Expected at least one `LossCurve` panel. Received: none.", nameof(panels));
        double[] x = Linspace(from, to, 121);
        var layout = new PlotlyLayout
        {
            Width = 320 * panels.Length, Height = 360,
            Margin = new PlotlyMargin { L = 50, R = 20, T = 40, B = 100 },
            Legend = new PlotlyLegend { Orientation = "h", X = 0.5, XAnchor = "center", Y = -0.3, YAnchor = "top" },
        };
        layout.Subplots(1, panels.Length, panels.Select(p => p.Name).ToArray());
        var figure = new PlotlyFigure(layout: layout);
        for (int i = 0; i < panels.Length; i++)
        {
            AddLossPanel(figure, panels[i], x, i + 1);
            layout.XAxis(i + 1).Title = "y′ (y = 0)";
        }
        return figure;
    }

    private static void AddLossPanel(PlotlyFigure figure, LossCurve panel, double[] x, int subplot)
    {
        double[] loss = Array.ConvertAll(x, panel.Loss.Invoke);
        double[] likelihood = Array.ConvertAll(loss, l => Math.Exp(-l));
        double[] gradient = Array.ConvertAll(x, panel.Gradient.Invoke);
        (string Name, double[] Y, string Color)[] curves =
        [
            ("loss", loss, PlotColors.Blue),
            ("likelihood exp(−loss)", likelihood, PlotColors.Green),
            ("gradient", gradient, PlotColors.Orange),
        ];
        foreach (var (name, y, color) in curves)
        {
            var trace = ScatterTrace.LineOf(x, y, name, color);
            trace.LegendGroup = name;
            trace.ShowLegend = subplot == 1;
            figure.Add(trace.OnSubplot(subplot));
        }
    }
}
