using System.Globalization;
using Microsoft.Data.Analysis;
using static TorchSharp.torch;

namespace NotebookMnist.Tables;

/// <summary>Builds the notebooks' tables as <see cref="DataFrame"/>s: per-epoch metrics, class counts, run summaries.</summary>
/// <remarks>
/// Every table a notebook shows is a DataFrame, so it renders as an HTML table through the formatter that
/// <see cref="NotebookSetup.Apply"/> registers (see <see cref="DataFrameHtml"/>).
/// </remarks>
public static class Frames
{
    /// <summary>A frame of float64 columns, one per (name, values) pair, as <c>pd.DataFrame(dict)</c> builds one.</summary>
    /// <exception cref="ArgumentException">Two columns share a name, or the columns differ in length.</exception>
    public static DataFrame FromColumns(params (string Name, IEnumerable<double> Values)[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var built = new List<DataFrameColumn>(columns.Length);
        foreach (var (name, values) in columns)
        {
            ArgumentNullException.ThrowIfNull(name, "column name");
            ArgumentNullException.ThrowIfNull(values, $"values of column \"{name}\"");
            if (built.Any(c => c.Name == name))
                throw new ArgumentException($"Expected distinct column names. Received: \"{name}\" twice.", nameof(columns));
            var column = new DoubleDataFrameColumn(name, values);
            if (built.Count > 0 && column.Length != built[0].Length)
                throw new ArgumentException(
                    $"Expected every column to have {built[0].Length} values (as \"{built[0].Name}\" has). " +
                    $"Received: \"{name}\" with {column.Length}.", nameof(columns));
            built.Add(column);
        }
        return new DataFrame(built);
    }

    /// <summary>A frame with an int "epoch" column 1, 2, … followed by <paramref name="columns"/>.</summary>
    /// <remarks>d2l's per-epoch metrics: <c>Frames.PerEpoch(("train loss", losses), ("train acc", trainAcc), ("test acc", testAcc))</c>.</remarks>
    public static DataFrame PerEpoch(params (string Name, IEnumerable<double> Values)[] columns)
    {
        var frame = FromColumns(columns);
        long rows = frame.Columns.Count == 0 ? 0 : frame.Rows.Count;
        frame.Columns.Insert(0, new Int32DataFrameColumn("epoch", Enumerable.Range(1, (int)rows)));
        return frame;
    }

    /// <summary>How many examples each class has: columns "label" (int), "class" (name) and "count" (long), one row per class.</summary>
    /// <param name="labels">Integer class labels, any shape (e.g. the int64 labels of a split).</param>
    /// <param name="classNames">The class names, indexed by label (e.g. d2l's Fashion-MNIST text labels); defaults to the label numbers.</param>
    public static DataFrame ClassCounts(Tensor labels, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.dtype is not (ScalarType.Int64 or ScalarType.Int32 or ScalarType.Int16 or ScalarType.Int8 or ScalarType.Byte))
            throw new ArgumentException($"Expected `labels` to be an integer tensor. Received: dtype {labels.dtype}.", nameof(labels));
        long[] counts;
        using (NewDisposeScope())
        {
            var flat = labels.detach().cpu().flatten().to_type(ScalarType.Int64);
            if (flat.numel() > 0 && flat.min().item<long>() < 0)
                throw new ArgumentException(
                    $"Expected `labels` to be non-negative. Received: a label of {flat.min().item<long>()}.", nameof(labels));
            counts = bincount(flat, minlength: classNames?.Count ?? 0).data<long>().ToArray();
        }
        if (classNames is not null && counts.Length > classNames.Count)
            throw new ArgumentException(
                $"Expected every label to be below classNames.Count={classNames.Count}. Received: a label of {counts.Length - 1}.",
                nameof(labels));
        var names = Enumerable.Range(0, counts.Length)
            .Select(i => classNames?[i] ?? i.ToString(CultureInfo.InvariantCulture));
        return new DataFrame(
            new Int32DataFrameColumn("label", Enumerable.Range(0, counts.Length)),
            new StringDataFrameColumn("class", names),
            new Int64DataFrameColumn("count", counts));
    }

    /// <summary>One row per run: its name, its number of epochs and every numeric column's value in the last epoch.</summary>
    /// <remarks>
    /// The MSE-versus-cross-entropy results table: <c>Frames.Results(("MSE", mse.ToDataFrame()), ("cross-entropy", ce.ToDataFrame()))</c>
    /// gives columns run, epochs, loss, accuracy, … (a column missing from a run is null there). An "epoch" column is skipped.
    /// </remarks>
    public static DataFrame Results(params (string Name, DataFrame History)[] runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var metrics = runs.SelectMany(r => r.History?.Columns ?? throw new ArgumentNullException(nameof(runs), $"Expected a history for run \"{r.Name}\". Received: null."))
            .Where(c => c.Name != "epoch" && IsNumeric(c))
            .Select(c => c.Name).Distinct().ToList();
        var run = new StringDataFrameColumn("run", runs.Select(r => r.Name));
        var epochs = new Int64DataFrameColumn("epochs", runs.Select(r => r.History.Rows.Count));
        var columns = new List<DataFrameColumn> { run, epochs };
        foreach (string metric in metrics)
        {
            columns.Add(new DoubleDataFrameColumn(metric, runs.Select(r =>
                r.History.Columns.IndexOf(metric) is var i and >= 0 && r.History.Rows.Count > 0
                    ? Doubles(r.History.Columns[i])[^1]
                    : (double?)null)));
        }
        return new DataFrame(columns);
    }

    /// <summary>A numeric column's values as float64 (nulls become NaN).</summary>
    /// <exception cref="ArgumentException">The column is not numeric.</exception>
    public static double[] Doubles(DataFrameColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (!IsNumeric(column))
            throw new ArgumentException(
                $"Expected column \"{column.Name}\" to be numeric. Received: {column.DataType.Name}.", nameof(column));
        var values = new double[column.Length];
        for (long i = 0; i < column.Length; i++)
            values[i] = column[i] is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : double.NaN;
        return values;
    }

    private static bool IsNumeric(DataFrameColumn column) =>
        Type.GetTypeCode(column.DataType) is >= TypeCode.SByte and <= TypeCode.Decimal;
}
