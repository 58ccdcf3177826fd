using NotebookMnist;

namespace NotebookMnist.Tests;

public class HuberTests
{
    [Fact]
    public void Call_KerasDocExample_Is0155()
    {
        // errors [[0.6, −0.6], [0.4, 0.6]], all ≤ δ = 1 → ½e²: [[0.18, 0.18], [0.08, 0.18]]
        // row means 0.18 and 0.13 → (0.18 + 0.13)/2 = 0.155
        var yTrue = Matrix.FromRows([0, 1], [0, 0]);
        var yPred = Matrix.FromRows([0.6f, 0.4f], [0.4f, 0.6f]);

        Assert.Equal(0.155f, new Huber().Call(yTrue, yPred), 6);
    }

    [Fact]
    public void CallAndGradient_LinearRegion_MatchHandComputed()
    {
        // δ = 1, errors (3, −0.5): h = 1·(3 − 0.5) = 2.5 and ½·0.25 = 0.125 → mean 1.3125
        // gradient clip(e, −1, 1)/(n·c) = (1, −0.5)/2
        var yTrue = Matrix.FromRow(0, 0);
        var yPred = Matrix.FromRow(3, -0.5f);
        var loss = new Huber(delta: 1);

        Assert.Equal(1.3125f, loss.Call(yTrue, yPred), 6);
        Assert.Equal([0.5f, -0.25f], loss.Gradient(yTrue, yPred).Data);
    }

    [Fact]
    public void Call_SmallDelta_UsesDelta()
    {
        // δ = 0.5, error 2: 0.5·(2 − 0.25) = 0.875
        Assert.Equal(0.875f, new Huber(0.5f).Call(Matrix.FromRow(0), Matrix.FromRow(2)), 6);
    }

    [Theory]
    [InlineData(-1f)]
    [InlineData(0f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Constructor_NonPositiveDelta_ThrowsNamingDelta(float delta)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Huber(delta));

        Assert.Equal("delta", ex.ParamName);
        Assert.Contains("Expected `delta` to be a positive number. Received: delta=", ex.Message);
    }
}
