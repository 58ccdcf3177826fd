using Microsoft.Data.Analysis;

namespace NotebookMnist.Charts;

public static partial class Plot
{
    /// <summary>Two training runs side by side: loss against epoch (left) and accuracy against epoch (right).</summary>
    /// <remarks>
    /// Each run is a name and a per-epoch table with columns "loss", "accuracy" and optionally "val_loss",
    /// "val_accuracy" (one row per epoch, as Keras's <c>History.ToDataFrame()</c> gives). One colour per run;
    /// training series are solid, validation series dashed. Other columns (e.g. "epoch") are ignored.
    /// Used for the MSE → cross-entropy experiment in notebooks/05-keras-mse-to-crossentropy.ipynb.
    /// </remarks>
    public static PlotlyFigure Compare((string Name, DataFrame History) a, (string Name, DataFrame History) b, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(a.History, "a.History");
        ArgumentNullException.ThrowIfNull(b.History, "b.History");
        var layout = new PlotlyLayout
        {
            Title = title, Width = 900, Height = 380,
            Margin = new PlotlyMargin { L = 50, R = 20, T = title is null ? 40 : 80, B = 60 },
        };
        layout.Subplots(1, 2, ["loss", "accuracy"]);
        var figure = new PlotlyFigure(layout: layout);
        (string Name, DataFrame History)[] runs = [a, b];
        for (int run = 0; run < runs.Length; run++)
        {
            string label = string.IsNullOrEmpty(runs[run].Name) ? $"run {run + 1}" : runs[run].Name;
            int added = AddSeries(figure, runs[run].History, label, PlotColors.At(run), ["loss", "val_loss"], subplot: 1)
                + AddSeries(figure, runs[run].History, label, PlotColors.At(run), ["accuracy", "val_accuracy"], subplot: 2);
            if (added == 0)
                throw new ArgumentException(
                    $"Expected run \"{label}\" to have a \"loss\", \"accuracy\", \"val_loss\" or \"val_accuracy\" column. " +
                    $"Received: columns [{string.Join(", ", runs[run].History.Columns.Select(c => c.Name))}].",
                    run == 0 ? nameof(a) : nameof(b));
        }
        for (int i = 1; i <= 2; i++) layout.XAxis(i).Title = "epoch";
        return figure;
    }

    private static int AddSeries(PlotlyFigure figure, DataFrame history, string label, string color, string[] keys, int subplot)
    {
        int added = 0;
        foreach (string key in keys)
        {
            if (history.Columns.IndexOf(key) < 0 || history.Rows.Count == 0) continue;
            double[] values = Tables.Frames.Doubles(history.Columns[key]);
            double[] epochs = Enumerable.Range(1, values.Length).Select(e => (double)e).ToArray();
            string dash = key.StartsWith("val_", StringComparison.Ordinal) ? "dash" : "solid";
            var trace = ScatterTrace.LineOf(epochs, values, $"{label} {key}", color, dash);
            trace.Mode = "lines+markers";
            figure.Add(trace.OnSubplot(subplot));
            added++;
        }
        return added;
    }
}
