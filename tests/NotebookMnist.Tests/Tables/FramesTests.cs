using Microsoft.Data.Analysis;
using NotebookMnist.Tables;
using static TorchSharp.torch;

namespace NotebookMnist.Tests.Tables;

public class FramesTests
{
    [Fact]
    public void FromColumns_TwoColumns_Float64ColumnsInOrder()
    {
        var frame = Frames.FromColumns(("loss", [0.5, 0.25]), ("accuracy", [0.8, 0.9]));

        Assert.Equal(["loss", "accuracy"], frame.Columns.Select(c => c.Name));
        Assert.All(frame.Columns, c => Assert.Equal(typeof(double), c.DataType));
        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal(0.9, (double)frame["accuracy"][1]!);
    }

    [Fact]
    public void FromColumns_DifferentLengths_ThrowsNamingBothColumns()
    {
        var error = Assert.Throws<ArgumentException>(() => Frames.FromColumns(("loss", [0.5, 0.25]), ("accuracy", [0.8])));

        Assert.Contains("Expected every column to have 2 values (as \"loss\" has). Received: \"accuracy\" with 1.", error.Message);
    }

    [Fact]
    public void FromColumns_DuplicateName_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Frames.FromColumns(("loss", [1.0]), ("loss", [2.0])));

        Assert.Contains("\"loss\" twice", error.Message);
    }

    [Fact]
    public void PerEpoch_D2lMetrics_EpochColumnFromOne()
    {
        // d2l's scratch softmax regression, epochs 1 and 2 (articles.md §1c).
        var frame = Frames.PerEpoch(("train loss", [0.7866, 0.5715]), ("train acc", [0.7483, 0.8131]), ("test acc", [0.7892, 0.8068]));

        Assert.Equal(["epoch", "train loss", "train acc", "test acc"], frame.Columns.Select(c => c.Name));
        Assert.Equal([1, 2], frame["epoch"].Cast<int>());
        Assert.Equal(0.8068, (double)frame["test acc"][1]!);
    }

    [Fact]
    public void ClassCounts_Labels_CountPerClassWithNames()
    {
        using var labels = tensor(new long[] { 0, 2, 2, 1, 2, 0 });

        var frame = Frames.ClassCounts(labels, ["t-shirt", "trouser", "pullover", "dress"]);

        Assert.Equal(["label", "class", "count"], frame.Columns.Select(c => c.Name));
        Assert.Equal(["t-shirt", "trouser", "pullover", "dress"], frame["class"].Cast<string>());
        Assert.Equal([2L, 1L, 3L, 0L], frame["count"].Cast<long>());
    }

    [Fact]
    public void ClassCounts_Uint8WithoutNames_NumbersAsNames()
    {
        using var labels = tensor(new byte[] { 1, 1, 0 });

        var frame = Frames.ClassCounts(labels);

        Assert.Equal(["0", "1"], frame["class"].Cast<string>());
        Assert.Equal([1L, 2L], frame["count"].Cast<long>());
    }

    [Fact]
    public void ClassCounts_BadLabels_ErrorsSayWhatWasReceived()
    {
        using var floats = tensor(new float[] { 0, 1 });
        using var tooLarge = tensor(new long[] { 0, 5 });

        Assert.Contains("dtype Float32", Assert.Throws<ArgumentException>(() => Frames.ClassCounts(floats)).Message);
        Assert.Contains("Received: a label of 5", Assert.Throws<ArgumentException>(() => Frames.ClassCounts(tooLarge, ["a", "b"])).Message);
    }

    [Fact]
    public void Results_TwoRuns_LastEpochOfEachMetricAndNullWhereMissing()
    {
        var mse = Frames.FromColumns(("loss", [0.09, 0.05]), ("accuracy", [0.60, 0.82]));
        var ce = Frames.FromColumns(("loss", [0.9, 0.4, 0.3]), ("accuracy", [0.8, 0.88, 0.9]), ("val_accuracy", [0.79, 0.86, 0.89]));

        var table = Frames.Results(("MSE", mse), ("cross-entropy", ce));

        Assert.Equal(["run", "epochs", "loss", "accuracy", "val_accuracy"], table.Columns.Select(c => c.Name));
        Assert.Equal(["MSE", "cross-entropy"], table["run"].Cast<string>());
        Assert.Equal([2L, 3L], table["epochs"].Cast<long>());
        Assert.Equal([0.05, 0.3], table["loss"].Cast<double>());
        Assert.Null(table["val_accuracy"][0]);
        Assert.Equal(0.89, (double)table["val_accuracy"][1]!);
    }

    [Fact]
    public void Doubles_IntAndNullableColumns_Float64WithNaNForNull()
    {
        var ints = new Int32DataFrameColumn("n", [1, 2]);
        var withNull = new DoubleDataFrameColumn("x", new double?[] { 1.5, null });

        Assert.Equal([1.0, 2.0], Frames.Doubles(ints));
        Assert.True(double.IsNaN(Frames.Doubles(withNull)[1]));
        Assert.Contains("Received: String", Assert.Throws<ArgumentException>(() => Frames.Doubles(new StringDataFrameColumn("s", ["a"]))).Message);
    }
}
