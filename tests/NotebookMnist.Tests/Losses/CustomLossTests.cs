using NotebookMnist;

namespace NotebookMnist.Tests;

public class CustomLossTests
{
    private static CustomLoss SumOfSquares() => new(
        "sum_of_squares",
        (y, p) =>
        {
            float sum = 0;
            for (int j = 0; j < p.Length; j++) sum += (p[j] - y[j]) * (p[j] - y[j]);
            return sum;
        },
        (y, p, d) =>
        {
            for (int j = 0; j < p.Length; j++) d[j] = 2 * (p[j] - y[j]);
        });

    [Fact]
    public void CallAndGradient_SumOfSquares_EqualMseTimesClasses()
    {
        var yTrue = Matrix.FromRows([1, 2, 0], [0, -1, 4]);
        var yPred = Matrix.FromRows([3, 1, 0.5f], [0, 2, 1]);
        var custom = SumOfSquares();
        var mse = new MeanSquaredError();

        Assert.Equal("sum_of_squares", custom.Name);
        Assert.Equal(3 * mse.Call(yTrue, yPred), custom.Call(yTrue, yPred), 5);
        var expected = Ops.Scale(mse.Gradient(yTrue, yPred), 3);
        Assert.Equal(expected.Data, custom.Gradient(yTrue, yPred).Data);
        Assert.Equal([5.25f, 18f], custom.PerSample(yTrue, yPred));
    }

    [Fact]
    public void Constructor_BlankName_ThrowsNamingName()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CustomLoss(" ", (_, _) => 0, (_, _, _) => { }));

        Assert.Equal("name", ex.ParamName);
    }

    [Fact]
    public void Call_MismatchedShapes_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => SumOfSquares().Call(new Matrix(2, 2), new Matrix(2, 3)));

        Assert.Contains("yTrue (2, 2), yPred (2, 3)", ex.Message);
        Assert.StartsWith("sum_of_squares:", ex.Message);
    }

    [Fact]
    public void Call_EmptyBatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => SumOfSquares().Call(new Matrix(0, 2), new Matrix(0, 2)));

        Assert.Contains("non-empty yPred", ex.Message);
    }
}
