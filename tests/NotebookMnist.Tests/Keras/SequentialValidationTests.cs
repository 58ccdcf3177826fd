using NotebookMnist.Keras;
using TorchSharp;
using static TorchSharp.torch;
using static NotebookMnist.Tests.Keras.TensorData;

namespace NotebookMnist.Tests.Keras;

/// <summary>Bad input gets a clear error naming the argument, what was expected and what was received, before training.</summary>
public class SequentialValidationTests
{
    private static Sequential Compiled(string loss = "categorical_crossentropy")
    {
        var model = new Sequential(new Dense(3, inputDim: 4, activation: "softmax", seed: 1));
        model.Compile(new SGD(0.1), loss, ["accuracy"]);
        return model;
    }

    private static readonly Tensor X = zeros(6, 4);
    private static readonly Tensor Y = OneHot([0, 1, 2, 0, 1, 2], 3);

    /// <summary>Fit must fail before any step: the weights are untouched.</summary>
    private static void AssertNoTraining(Sequential model, float[] before) => Assert.Equal(before, Floats(model.GetWeights()[0]));

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
        var e = Assert.Throws<ArgumentException>(() => Compiled().Fit(zeros(5, 4), Y, verbose: 0));
        Assert.Contains("same number of samples", e.Message);
        Assert.Contains("x.shape=(5, 4)", e.Message);
        Assert.Contains("y.shape=(6, 3)", e.Message);
    }

    [Fact]
    public void Fit_YNotOneHotForCategoricalLoss_ThrowsNamingTheRowBeforeTraining()
    {
        var y = Y.clone();
        y[4, 0].fill_(0.5f);
        var model = Compiled();
        var before = Floats(model.GetWeights()[0]);
        var e = Assert.Throws<ArgumentException>(() => model.Fit(X, y, verbose: 0));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("one-hot", e.Message);
        Assert.Contains("row 4", e.Message);
        AssertNoTraining(model, before);
    }

    [Fact]
    public void Fit_SoftTargetsWithMse_AreAccepted()
    {
        var y = Y.clone();
        y[4, 0].fill_(0.5f);
        Assert.Equal(1, Compiled("mse").Fit(X, y, verbose: 0).Epochs);
    }

    [Fact]
    public void Fit_IntegerLabelsColumn_SuggestsToCategorical()
    {
        var e = Assert.Throws<ArgumentException>(() => Compiled().Fit(X, tensor(new long[] { 0, 1, 2, 0, 1, 2 }), verbose: 0));
        Assert.Contains("Utils.ToCategorical(labels, 3)", e.Message);
        Assert.Contains("(6,)", e.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void Fit_SparseLabelOutOfRange_ThrowsNamingTheLabelBeforeTraining(long bad)
    {
        var model = Compiled("sparse_categorical_crossentropy");
        var before = Floats(model.GetWeights()[0]);
        var e = Assert.Throws<ArgumentException>(() => model.Fit(X, tensor(new long[] { 0, 1, 2, bad, 1, 2 }), verbose: 0));
        Assert.Equal("y", e.ParamName);
        Assert.Contains($"Received: y[3]={bad}", e.Message);
        Assert.Contains("[0, 3)", e.Message);
        AssertNoTraining(model, before);
    }

    [Fact]
    public void Fit_InputDimNotMatchingX_ThrowsWithShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Compiled().Fit(zeros(6, 5), Y, verbose: 0));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("(samples, 4)", e.Message);
        Assert.Contains("(6, 5)", e.Message);
    }

    [Fact]
    public void Fit_EmptyX_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Compiled().Fit(zeros(0, 4), zeros(0, 3), verbose: 0));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("at least one sample", e.Message);
        Assert.Contains("x.shape=(0, 4)", e.Message);
    }

    [Fact]
    public void Fit_BytePixels_AsksForFloat()
    {
        var e = Assert.Throws<ArgumentException>(() => Compiled().Fit(zeros(6, 4, ScalarType.Byte), Y, verbose: 0));
        Assert.Contains("float32", e.Message);
        Assert.Contains("Byte", e.Message);
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
        var e = Assert.Throws<ArgumentException>(() => Compiled().Fit(X, Y, validationData: (zeros(2, 4), Y), verbose: 0));
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
