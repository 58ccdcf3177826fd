using NotebookMnist.Keras;

namespace NotebookMnist.Tests.Keras;

public class SGDTests
{
    [Fact]
    public void ApplyGradients_KerasSingleStepExample_VariableBecomesPointNine()
    {
        // Keras docs: var = 1.0, loss = var (gradient 1.0), SGD(learning_rate=0.1) → 0.9 after one step.
        var variable = Matrix.FromRow(1f);
        var gradient = Matrix.FromRow(1f);
        new SGD(learningRate: 0.1).ApplyGradients([(gradient, variable)]);
        Assert.Equal(0.9f, variable[0, 0], 6);
    }

    [Fact]
    public void ApplyGradients_SeveralVariables_EachMovesAgainstItsGradient()
    {
        var w = Matrix.FromRows([1f, 2f], [3f, 4f]);
        var b = Matrix.FromRow(0.5f, -0.5f);
        new SGD(learningRate: 0.2).ApplyGradients([(Matrix.FromRows([1f, -1f], [0f, 10f]), w), (Matrix.FromRow(-2.5f, 0f), b)]);
        Assert.Equal([0.8f, 2.2f, 3f, 2f], w.Data.Select(v => MathF.Round(v, 5)));
        Assert.Equal([1f, -0.5f], b.Data.Select(v => MathF.Round(v, 5)));
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-0.1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Constructor_NonPositiveLearningRate_ThrowsNamingIt(float learningRate)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SGD(learningRate));
        Assert.Equal("learningRate", e.ParamName);
        Assert.Contains("Expected `learningRate` to be a positive number", e.Message);
    }

    [Fact]
    public void ApplyGradients_ShapeMismatch_ThrowsWithBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new SGD(0.1).ApplyGradients([(new Matrix(2, 3), new Matrix(3, 2))]));
        Assert.Contains("(3, 2)", e.Message);
        Assert.Contains("(2, 3)", e.Message);
    }
}
