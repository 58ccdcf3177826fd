using NotebookMnist.Keras;
using TorchSharp;
using static TorchSharp.torch;
using static NotebookMnist.Tests.Keras.TensorData;

namespace NotebookMnist.Tests.Keras;

public class MetricsTests
{
    private static readonly Tensor YPred = Rows([0.1f, 0.3f, 0.6f], [0.3f, 0.2f, 0.5f], [0.7f, 0.2f, 0.1f], [0.2f, 0.5f, 0.3f]);

    [Fact]
    public void Accuracy_OneHotTargets_ComparesArgmaxes()
    {
        // argmax ŷ = [2, 2, 0, 1]; targets [0, 2, 0, 2] → 2 of 4.
        var y = OneHot([0, 2, 0, 2], 3);
        Assert.Equal(0.5f, Metrics.Accuracy(y, YPred).item<float>());
        Assert.Equal(2, Metrics.CorrectCount(y, YPred));
    }

    [Fact]
    public void Accuracy_IntegerLabels_IsSparseAccuracy()
    {
        Assert.Equal(0.75f, Metrics.Accuracy(tensor(new long[] { 2, 2, 0, 2 }), YPred).item<float>());
    }

    [Fact]
    public void Accuracy_OneColumn_IsBinaryAtHalf()
    {
        Assert.Equal(2f / 3, Metrics.Accuracy(Rows([1], [0], [1]), Rows([0.7f], [0.6f], [0.9f])).item<float>(), 6);
    }

    [Fact]
    public void ToCategorical_LabelsBecomeOneHotFloatRows()
    {
        var y = Utils.ToCategorical(tensor(new long[] { 2, 0 }), 3);
        Assert.Equal(ScalarType.Float32, y.dtype);
        Assert.Equal([2L, 3L], y.shape);
        Assert.Equal([0f, 0f, 1f, 1f, 0f, 0f], Floats(y));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(-1)]
    public void ToCategorical_LabelOutOfRange_ThrowsNamingTheLabel(long bad)
    {
        var e = Assert.Throws<ArgumentException>(() => Utils.ToCategorical(tensor(new long[] { 3, 9, bad }), 10));
        Assert.Equal("labels", e.ParamName);
        Assert.Contains($"labels[2]={bad}", e.Message);
        Assert.Contains("[0, 10)", e.Message);
    }
}
