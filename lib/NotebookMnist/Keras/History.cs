using Microsoft.Data.Analysis;

namespace NotebookMnist.Keras;

/// <summary>What <c>Fit</c> returns: one value per epoch for the loss and each metric, like Keras's <c>history.history</c>.</summary>
/// <remarks>Keys follow Keras: "loss", "accuracy", "val_loss", "val_accuracy". Introduced in notebooks/05-keras-mse-to-crossentropy.ipynb.</remarks>
public sealed class History
{
    private readonly Dictionary<string, List<double>> _values = new(StringComparer.Ordinal);

    /// <summary>Creates an empty history; <paramref name="name"/> labels it in charts and tables (e.g. "mse").</summary>
    public History(string name = "") => Name = name;

    /// <summary>A label for charts and tables, e.g. the loss name.</summary>
    public string Name { get; set; }

    /// <summary>The per-epoch series, keyed by metric name.</summary>
    public IReadOnlyDictionary<string, List<double>> Values => _values;

    /// <summary>Number of epochs recorded (the length of the "loss" series).</summary>
    public int Epochs => _values.TryGetValue("loss", out var loss) ? loss.Count : 0;

    /// <summary>The series for <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such key; the message lists the keys there are.</exception>
    public IReadOnlyList<double> this[string key] =>
        _values.TryGetValue(key, out var series)
            ? series
            : throw new KeyNotFoundException(
                $"Expected a history key among [{string.Join(", ", _values.Keys)}]. Received: \"{key}\".");

    /// <summary>Appends one epoch's value for <paramref name="key"/>.</summary>
    public void Add(string key, double value)
    {
        if (!_values.TryGetValue(key, out var series))
            _values[key] = series = new List<double>();
        series.Add(value);
    }

    /// <summary>The history as a table, one row per epoch and one column per key, like <c>pd.DataFrame(history.history)</c>.</summary>
    public DataFrame ToDataFrame() =>
        new(_values.Select(kv => (DataFrameColumn)new DoubleDataFrameColumn(kv.Key, kv.Value)));
}
