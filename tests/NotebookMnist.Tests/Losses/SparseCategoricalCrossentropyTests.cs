using NotebookMnist;

namespace NotebookMnist.Tests;

public class SparseCategoricalCrossentropyTests
{
    private static readonly Matrix D2lYHat = Matrix.FromRows([0.1f, 0.3f, 0.6f], [0.3f, 0.2f, 0.5f]);

    [Fact]
    public void PerSample_D2lWorkedExampleWithIntLabels_Is2Point3026And0Point6931()
    {
        float[] losses = new SparseCategoricalCrossentropy().PerSample([0, 2], D2lYHat);

        Assert.Equal(2.3026f, losses[0], 4);
        Assert.Equal(0.6931f, losses[1], 4);
    }

    [Fact]
    public void Call_KerasDocExample_Is1Point177()
    {
        // labels [1, 2]: −log 0.95 = 0.051293, −log 0.1 = 2.302585 → 1.176939
        var yPred = Matrix.FromRows([0.05f, 0.95f, 0], [0.1f, 0.8f, 0.1f]);

        Assert.Equal(1.176939f, new SparseCategoricalCrossentropy().Call(Matrix.FromRows([1], [2]), yPred), 5);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CallAndGradient_EqualCategoricalOnOneHot(bool fromLogits)
    {
        var yPred = Matrix.FromRows([0.2f, 1.5f, 0.7f], [2f, 0.1f, 0.4f]);
        int[] labels = [1, 2];
        var sparse = new SparseCategoricalCrossentropy(fromLogits);
        var dense = new CategoricalCrossentropy(fromLogits);
        var oneHot = Ops.OneHot(labels, 3);

        Assert.Equal(dense.Call(oneHot, yPred), sparse.Call(labels, yPred), 6);
        Assert.Equal(dense.Gradient(oneHot, yPred).Data, sparse.Gradient(labels, yPred).Data);
    }

    [Fact]
    public void Gradient_FromLogits_IsSoftmaxMinusOneHotOverBatch()
    {
        var logits = Matrix.FromRows([1, 2, 3], [0, 0, 0]);
        var p = Ops.Softmax(logits);

        var gradient = new SparseCategoricalCrossentropy(fromLogits: true).Gradient([2, 0], logits);

        float[] expected = [p[0, 0] / 2, p[0, 1] / 2, (p[0, 2] - 1) / 2, (p[1, 0] - 1) / 2, p[1, 1] / 2, p[1, 2] / 2];
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], gradient.Data[i], 6);
    }

    [Theory]
    [InlineData(3f)]
    [InlineData(-1f)]
    [InlineData(0.5f)]
    public void Call_LabelOutOfRangeOrFractional_ThrowsNamingTheEntry(float label)
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new SparseCategoricalCrossentropy().Call(Matrix.FromRows([0], [label]), D2lYHat));

        Assert.Contains("class indices in [0, 3)", ex.Message);
        Assert.Contains($"yTrue[1, 0]={label}", ex.Message);
    }

    [Fact]
    public void Call_IntLabelOutOfRange_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SparseCategoricalCrossentropy().Call([0, 7], D2lYHat));

        Assert.Contains("yTrue[1, 0]=7", ex.Message);
    }

    [Fact]
    public void Call_WrongLabelCount_ThrowsNamingLengthAndShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SparseCategoricalCrossentropy().Call([0, 1, 2], D2lYHat));

        Assert.Contains("labels.Length=3, yPred (2, 3)", ex.Message);
        Assert.Equal("labels", ex.ParamName);
    }

    [Fact]
    public void Call_OneHotInsteadOfIndices_ThrowsNamingExpectedShape()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new SparseCategoricalCrossentropy().Call(Ops.OneHot([0, 2], 3), D2lYHat));

        Assert.Contains("expected yTrue of shape (2, 1)", ex.Message);
        Assert.Contains("yTrue (2, 3)", ex.Message);
    }
}
