using NotebookMnist.Keras;

namespace NotebookMnist.Plotting;

public static partial class Plot
{
    /// <summary>Two training runs side by side: loss against epoch (left) and accuracy against epoch (right).</summary>
    /// <remarks>
    /// One colour per history (labelled with <see cref="History.Name"/>); training series are solid, "val_loss" and
    /// "val_accuracy" (when recorded) dashed. Used for the MSE → cross-entropy experiment in notebooks/05-keras-mse-to-crossentropy.ipynb.
    /// </remarks>
    public static PlotlyFigure Compare(History a, History b, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var layout = new PlotlyLayout
        {
            Title = title, Width = 900, Height = 380,
            Margin = new PlotlyMargin { L = 50, R = 20, T = title is null ? 40 : 80, B = 60 },
        };
        layout.Subplots(1, 2, ["loss", "accuracy"]);
        var figure = new PlotlyFigure(layout: layout);
        History[] runs = [a, b];
        for (int run = 0; run < runs.Length; run++)
        {
            string label = string.IsNullOrEmpty(runs[run].Name) ? $"run {run + 1}" : runs[run].Name;
            AddSeries(figure, runs[run], label, PlotColors.At(run), ["loss", "val_loss"], subplot: 1);
            AddSeries(figure, runs[run], label, PlotColors.At(run), ["accuracy", "val_accuracy"], subplot: 2);
        }
        for (int i = 1; i <= 2; i++) layout.XAxis(i).Title = "epoch";
        return figure;
    }

    private static void AddSeries(PlotlyFigure figure, History history, string label, string color, string[] keys, int subplot)
    {
        foreach (string key in keys)
        {
            if (!history.Values.TryGetValue(key, out var values) || values.Count == 0) continue;
            double[] epochs = Enumerable.Range(1, values.Count).Select(e => (double)e).ToArray();
            string dash = key.StartsWith("val_", StringComparison.Ordinal) ? "dash" : "solid";
            var trace = ScatterTrace.LineOf(epochs, values.ToArray(), $"{label} {key}", color, dash);
            trace.Mode = "lines+markers";
            figure.Add(trace.OnSubplot(subplot));
        }
    }
}
