using NotebookMnist;

namespace NotebookMnist.Tests;

public class MeanAbsoluteErrorTests
{
    [Fact]
    public void Call_KerasDocExample_IsHalf()
    {
        // |errors| [[1, 0], [1, 0]]: row means 0.5, 0.5 → 0.5
        var loss = new MeanAbsoluteError();

        Assert.Equal(0.5f, loss.Call(Matrix.FromRows([0, 1], [0, 0]), Matrix.FromRows([1, 1], [1, 0])), 6);
    }

    [Fact]
    public void Gradient_SmallCase_IsSignOverBatchTimesClasses()
    {
        // errors [[2, −1], [0, 3]] → signs [[1, −1], [0, 1]] / (2·2)
        var yTrue = Matrix.FromRows([1, 2], [0, -1]);
        var yPred = Matrix.FromRows([3, 1], [0, 2]);
        var loss = new MeanAbsoluteError();

        Assert.Equal([1.5f, 1.5f], loss.PerSample(yTrue, yPred));
        Assert.Equal([0.25f, -0.25f, 0f, 0.25f], loss.Gradient(yTrue, yPred).Data);
    }

    [Fact]
    public void Call_MismatchedRows_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MeanAbsoluteError().Call(new Matrix(3, 2), new Matrix(2, 2)));

        Assert.Contains("yTrue (3, 2), yPred (2, 2)", ex.Message);
    }
}
