using NotebookMnist;

namespace NotebookMnist.Tests;

public class MetricsTests
{
    private static readonly Matrix D2lYHat = Matrix.FromRows([0.1f, 0.3f, 0.6f], [0.3f, 0.2f, 0.5f]);

    [Fact]
    public void Accuracy_D2lWorkedExample_IsHalf()
    {
        // argmax rows are [2, 2]; labels [0, 2] → one of two correct
        Assert.Equal(1, Metrics.CorrectCount(D2lYHat, [0, 2]));
        Assert.Equal(0.5, Metrics.Accuracy(D2lYHat, [0, 2]));
    }

    [Fact]
    public void Accuracy_OneHotTargets_AgreesWithLabels()
    {
        var oneHot = Ops.OneHot([0, 2], 3);

        Assert.Equal(1, Metrics.CorrectCount(D2lYHat, oneHot));
        Assert.Equal(0.5, Metrics.Accuracy(D2lYHat, oneHot));
    }

    [Fact]
    public void Accuracy_Logits_UseArgmaxToo()
    {
        var logits = Matrix.FromRows([5, -1], [0, 3], [2, 2.5f], [-7, -8]);

        Assert.Equal(0.75, Metrics.Accuracy(logits, [0, 1, 1, 1]));
    }

    [Fact]
    public void Accuracy_WrongLabelCount_ThrowsNamingShapeAndCount()
    {
        var ex = Assert.Throws<ArgumentException>(() => Metrics.Accuracy(D2lYHat, [0, 1, 2]));

        Assert.Contains("Received: yPred (2, 3), labels.Length=3.", ex.Message);
    }

    [Fact]
    public void Accuracy_OneHotShapeDiffers_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Metrics.Accuracy(D2lYHat, new Matrix(2, 4)));

        Assert.Contains("yTrueOneHot (2, 4), yPred (2, 3)", ex.Message);
    }

    [Fact]
    public void Accuracy_EmptyBatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Metrics.Accuracy(new Matrix(0, 3), ReadOnlySpan<int>.Empty));

        Assert.Contains("non-empty yPred", ex.Message);
    }
}
