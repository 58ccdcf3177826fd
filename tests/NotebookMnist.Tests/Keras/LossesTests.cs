using NotebookMnist.Keras;
using TorchSharp;
using static TorchSharp.torch;
using static NotebookMnist.Tests.Keras.TensorData;

namespace NotebookMnist.Tests.Keras;

/// <summary>Each loss against values computed by hand from Keras's formulas.</summary>
public class LossesTests
{
    private static double Value(Loss loss, Tensor yTrue, Tensor yPred) => loss.Call(yTrue, yPred).to(ScalarType.Float64).item<double>();

    [Fact]
    public void Mse_MeanOverLastAxisThenBatch()
    {
        // rows: ((1−0.8)² + (0−0.2)²)/2 = 0.04 and ((0−0.5)² + (1−0.5)²)/2 = 0.25; mean 0.145.
        var yTrue = Rows64([1, 0], [0, 1]);
        var yPred = Rows64([0.8, 0.2], [0.5, 0.5]);
        Assert.Equal(0.145, Value(new MeanSquaredError(), yTrue, yPred), 12);
        Assert.Equal([0.04, 0.25], new MeanSquaredError().CallPerSample(yTrue, yPred).data<double>().ToArray(), new Tolerance(1e-12));
    }

    [Fact]
    public void Mae_MeanAbsoluteError()
    {
        // (0.2 + 0.2)/2 = 0.2 and (0.5 + 0.5)/2 = 0.5 → 0.35.
        Assert.Equal(0.35, Value(new MeanAbsoluteError(), Rows64([1, 0], [0, 1]), Rows64([0.8, 0.2], [0.5, 0.5])), 12);
    }

    [Fact]
    public void Huber_QuadraticInsideDeltaLinearOutside()
    {
        // δ = 1: e = 0.5 → ½·0.25 = 0.125; e = −3 → 3 − 0.5 = 2.5; mean 1.3125. δ = 2: e = −3 → 6 − 2 = 4; (0.125 + 4)/2.
        var yTrue = Rows64([0, 0]);
        var yPred = Rows64([0.5, -3]);
        Assert.Equal(1.3125, Value(new Huber(), yTrue, yPred), 12);
        Assert.Equal(2.0625, Value(new Huber(2), yTrue, yPred), 12);
    }

    [Fact]
    public void CategoricalCrossentropy_NormalisesRowsThenLogs()
    {
        // Row [0.2, 0.6] sums to 0.8 → [0.25, 0.75]; target class 1 → −ln 0.75.
        Assert.Equal(-Math.Log(0.75), Value(new CategoricalCrossentropy(), Rows64([0, 1]), Rows64([0.2, 0.6])), 12);
    }

    [Fact]
    public void CategoricalCrossentropy_ZeroProbability_ClipsToEpsilon()
    {
        Assert.Equal(-Math.Log(1e-7), Value(new CategoricalCrossentropy(), Rows64([1, 0]), Rows64([0, 1])), 9);
    }

    [Fact]
    public void CategoricalCrossentropy_FromLogits_IsLogSoftmax()
    {
        // logits [1, 2, 3], class 2: −(3 − ln(e + e² + e³)).
        double expected = -(3 - Math.Log(Math.E + Math.Exp(2) + Math.Exp(3)));
        Assert.Equal(expected, Value(new CategoricalCrossentropy(fromLogits: true), Rows64([0, 0, 1]), Rows64([1, 2, 3])), 12);
        // Huge logits stay finite.
        Assert.Equal(1000, Value(new CategoricalCrossentropy(fromLogits: true), Rows([1, 0]), Rows([0, 1000])), 3);
    }

    [Fact]
    public void SparseCategoricalCrossentropy_EqualsCategoricalOnOneHot()
    {
        // d2l's example: ŷ = [[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]], y = [0, 2] → [ln 10, ln 2].
        var yPred = Rows64([0.1, 0.3, 0.6], [0.3, 0.2, 0.5]);
        var perSample = new SparseCategoricalCrossentropy().CallPerSample(tensor(new long[] { 0, 2 }), yPred).data<double>().ToArray();
        Assert.Equal([Math.Log(10), Math.Log(2)], perSample, new Tolerance(1e-12));
        Assert.Equal(Value(new CategoricalCrossentropy(), Rows64([1, 0, 0], [0, 0, 1]), yPred),
            Value(new SparseCategoricalCrossentropy(), tensor(new long[] { 0, 2 }), yPred), 12);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void SparseCategoricalCrossentropy_LabelOutOfRange_ThrowsNamingIt(long label)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new SparseCategoricalCrossentropy().Call(tensor(new long[] { 0, label }), Rows([0.1f, 0.3f, 0.6f], [0.3f, 0.2f, 0.5f])));
        Assert.Equal("yTrue", e.ParamName);
        Assert.Contains($"yTrue[1]={label}", e.Message);
        Assert.Contains("[0, 3)", e.Message);
    }

    [Fact]
    public void BinaryCrossentropy_ProbabilitiesAndLogitsAgree()
    {
        // y = [1, 0], p = [0.8, 0.4]: (−ln 0.8 − ln 0.6)/2.
        double expected = (-Math.Log(0.8) - Math.Log(0.6)) / 2;
        Assert.Equal(expected, Value(new BinaryCrossentropy(), Rows64([1, 0]), Rows64([0.8, 0.4])), 12);
        double logit8 = Math.Log(0.8 / 0.2), logit4 = Math.Log(0.4 / 0.6);
        Assert.Equal(expected, Value(new BinaryCrossentropy(fromLogits: true), Rows64([1, 0]), Rows64([logit8, logit4])), 12);
        // Logit −1000 for a positive: 1000, finite; logit 0 for a negative: ln 2.
        Assert.Equal((1000 + Math.Log(2)) / 2, Value(new BinaryCrossentropy(fromLogits: true), Rows([1, 0]), Rows([-1000, 0])), 3);
    }

    [Fact]
    public void Hinge_ZeroOneTargetsBecomeMinusOneOne()
    {
        // y = [1, 0] → [1, −1]; ŷ = [0.3, 0.4]: max(1 − 0.3, 0) = 0.7, max(1 + 0.4, 0) = 1.4 → 1.05.
        Assert.Equal(1.05, Value(new Hinge(), Rows64([1, 0]), Rows64([0.3, 0.4])), 12);
    }

    [Fact]
    public void CategoricalHinge_NegMinusPosPlusOne()
    {
        // pos = 0.7, neg = max(0.2, 0.1) = 0.2 → 0.5; second row pos = 0.1, neg = 0.9 → 1.8; mean 1.15.
        Assert.Equal(1.15, Value(new CategoricalHinge(), Rows64([1, 0, 0], [0, 1, 0]), Rows64([0.7, 0.2, 0.1], [0.9, 0.1, 0.0])), 12);
    }

    [Fact]
    public void CustomLoss_LambdaIsMeanedOverTheBatch()
    {
        var loss = new CustomLoss("half_mse", (y, p) => 0.5 * (y - p).square().mean([-1L]));
        Assert.Equal(0.0725, Value(loss, Rows64([1, 0], [0, 1]), Rows64([0.8, 0.2], [0.5, 0.5])), 12);
        Assert.Equal("half_mse", loss.Name);
    }

    [Theory]
    [InlineData("mse", typeof(MeanSquaredError))]
    [InlineData("mean_squared_error", typeof(MeanSquaredError))]
    [InlineData("mae", typeof(MeanAbsoluteError))]
    [InlineData("huber", typeof(Huber))]
    [InlineData("categorical_crossentropy", typeof(CategoricalCrossentropy))]
    [InlineData("sparse_categorical_crossentropy", typeof(SparseCategoricalCrossentropy))]
    [InlineData("binary_crossentropy", typeof(BinaryCrossentropy))]
    [InlineData("hinge", typeof(Hinge))]
    [InlineData("categorical_hinge", typeof(CategoricalHinge))]
    public void Get_KerasName_ReturnsThatLoss(string name, Type type) => Assert.IsType(type, Losses.Get(name));

    [Fact]
    public void Get_UnknownName_ListsTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => Losses.Get("cross_entropy"));
        Assert.Contains("Received: loss=\"cross_entropy\"", e.Message);
        Assert.Contains("categorical_crossentropy", e.Message);
    }

    [Fact]
    public void Call_ShapeMismatch_ThrowsWithBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => new MeanSquaredError().Call(Rows([1, 0]), Rows([1, 0, 0])));
        Assert.Contains("yTrue.shape=(1, 2)", e.Message);
        Assert.Contains("yPred.shape=(1, 3)", e.Message);
    }
}

/// <summary>Compares doubles within an absolute tolerance (for Assert.Equal on arrays).</summary>
internal sealed class Tolerance(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double obj) => 0;
}
