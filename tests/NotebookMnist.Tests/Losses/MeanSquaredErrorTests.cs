using NotebookMnist;

namespace NotebookMnist.Tests;

public class MeanSquaredErrorTests
{
    [Fact]
    public void Call_KerasDocExample_IsHalf()
    {
        // errors [[1, 0], [1, 0]]: row means (1 + 0)/2 = 0.5 and 0.5, batch mean 0.5
        var yTrue = Matrix.FromRows([0, 1], [0, 0]);
        var yPred = Matrix.FromRows([1, 1], [1, 0]);

        Assert.Equal(0.5f, new MeanSquaredError().Call(yTrue, yPred), 6);
    }

    [Fact]
    public void PerSampleAndGradient_SmallCase_MatchHandComputed()
    {
        // row 0: errors (2, −1) → (4 + 1)/2 = 2.5; row 1: errors (0, 3) → 9/2 = 4.5
        // gradient 2e/(n·c) = e/2: [[1, −0.5], [0, 1.5]]
        var yTrue = Matrix.FromRows([1, 2], [0, -1]);
        var yPred = Matrix.FromRows([3, 1], [0, 2]);
        var loss = new MeanSquaredError();

        Assert.Equal([2.5f, 4.5f], loss.PerSample(yTrue, yPred));
        Assert.Equal(3.5f, loss.Call(yTrue, yPred), 6);
        Assert.Equal([1f, -0.5f, 0f, 1.5f], loss.Gradient(yTrue, yPred).Data);
    }

    [Fact]
    public void Call_MismatchedShapes_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new MeanSquaredError().Call(new Matrix(2, 3), new Matrix(2, 4)));

        Assert.Contains("yTrue (2, 3)", ex.Message);
        Assert.Contains("yPred (2, 4)", ex.Message);
        Assert.Equal("yTrue", ex.ParamName);
    }

    [Fact]
    public void Call_EmptyBatch_ThrowsNamingYPred()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new MeanSquaredError().Call(new Matrix(0, 3), new Matrix(0, 3)));

        Assert.Contains("non-empty yPred", ex.Message);
        Assert.Contains("(0, 3)", ex.Message);
    }

    [Fact]
    public void Gradient_WrongDestinationShape_ThrowsNamingShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new MeanSquaredError().Gradient(new Matrix(2, 3), new Matrix(2, 3), new Matrix(3, 2)));

        Assert.Contains("destination of shape (2, 3)", ex.Message);
        Assert.Contains("destination (3, 2)", ex.Message);
    }

    [Fact]
    public void Gradient_DestinationIsYPred_Throws()
    {
        var yPred = new Matrix(2, 3);

        var ex = Assert.Throws<ArgumentException>(() => new MeanSquaredError().Gradient(new Matrix(2, 3), yPred, yPred));

        Assert.Contains("yPred", ex.Message);
    }
}
