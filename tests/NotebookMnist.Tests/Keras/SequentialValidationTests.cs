using NotebookMnist.Keras;

namespace NotebookMnist.Tests.Keras;

/// <summary>Bad input gets a clear error naming the argument, what was expected and what was received.</summary>
public class SequentialValidationTests
{
    private static Sequential Compiled(string loss = "categorical_crossentropy")
    {
        var model = new Sequential(new Dense(3, inputDim: 4, activation: "softmax", seed: 1));
        model.Compile(new SGD(0.1), loss, ["accuracy"]);
        return model;
    }

    private static readonly Matrix X = new(6, 4);
    private static readonly Matrix Y = Ops.OneHot([0, 1, 2, 0, 1, 2], 3);

    [Fact]
    public void Fit_BeforeCompile_ThrowsAskingForCompile()
    {
        var model = new Sequential(new Dense(3, inputDim: 4));
        var e = Assert.Throws<InvalidOperationException>(() => model.Fit(X, Y));
        Assert.Contains("Compile", e.Message);
    }

    [Fact]
    public void Fit_MismatchedLengths_ThrowsWithBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Compiled().Fit(new Matrix(5, 4), Y, verbose: 0));
        Assert.Contains("same number of samples", e.Message);
        Assert.Contains("x.shape=(5, 4)", e.Message);
        Assert.Contains("y.shape=(6, 3)", e.Message);
    }

    [Fact]
    public void Fit_YNotOneHotForCategoricalLoss_ThrowsNamingTheRow()
    {
        var y = Y.Clone();
        y[4, 0] = 0.5f;
        var e = Assert.Throws<ArgumentException>(() => Compiled().Fit(X, y, verbose: 0));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("one-hot", e.Message);
        Assert.Contains("row 4", e.Message);
    }

    [Fact]
    public void Fit_SoftTargetsWithMse_AreAccepted()
    {
        var y = Y.Clone();
        y[4, 0] = 0.5f;
        Assert.Equal(1, Compiled("mse").Fit(X, y, verbose: 0).Epochs);
    }

    [Fact]
    public void Fit_IntegerLabelsColumn_SuggestsOneHot()
    {
        var labels = Matrix.FromRows([0f], [1f], [2f], [0f], [1f], [2f]);
        var e = Assert.Throws<ArgumentException>(() => Compiled().Fit(X, labels, verbose: 0));
        Assert.Contains("Ops.OneHot(labels, 3)", e.Message);
        Assert.Contains("(6, 1)", e.Message);
    }

    [Fact]
    public void Fit_InputDimNotMatchingX_ThrowsWithShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Compiled().Fit(new Matrix(6, 5), Y, verbose: 0));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("4 columns", e.Message);
        Assert.Contains("(6, 5)", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-32)]
    public void Fit_NonPositiveBatchSize_Throws(int batchSize)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Compiled().Fit(X, Y, batchSize: batchSize, verbose: 0));
        Assert.Equal("batchSize", e.ParamName);
        Assert.Contains($"Received: batchSize={batchSize}", e.Message);
    }

    [Fact]
    public void Fit_ZeroEpochs_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Compiled().Fit(X, Y, epochs: 0, verbose: 0));
        Assert.Equal("epochs", e.ParamName);
        Assert.Contains("Received: epochs=0", e.Message);
    }

    [Fact]
    public void Fit_BadValidationData_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => Compiled().Fit(X, Y, validationData: (new Matrix(2, 4), Y), verbose: 0));
        Assert.Contains("validationData.X", e.Message);
    }

    [Fact]
    public void Compile_UnknownLoss_ListsKnownLosses()
    {
        var model = new Sequential(new Dense(3, inputDim: 4));
        var e = Assert.Throws<ArgumentException>(() => model.Compile(new SGD(0.1), "cross_entropy"));
        Assert.Contains("cross_entropy", e.Message);
        Assert.Contains("categorical_crossentropy", e.Message);
        Assert.Contains("mse", e.Message);
    }

    [Fact]
    public void Compile_UnknownMetric_ListsKnownMetrics()
    {
        var model = new Sequential(new Dense(3, inputDim: 4));
        var e = Assert.Throws<ArgumentException>(() => model.Compile(new SGD(0.1), "mse", ["precision"]));
        Assert.Contains("precision", e.Message);
        Assert.Contains("accuracy", e.Message);
    }

    [Fact]
    public void Add_LayerWithWrongInputDim_ThrowsWithBothSizes()
    {
        var model = new Sequential(new Dense(8, inputDim: 4));
        var e = Assert.Throws<ArgumentException>(() => model.Add(new Dense(3, inputDim: 5)));
        Assert.Contains("8 units", e.Message);
        Assert.Contains("inputDim=5", e.Message);
    }
}
