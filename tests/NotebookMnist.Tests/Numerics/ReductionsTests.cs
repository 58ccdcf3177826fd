using NotebookMnist;

namespace NotebookMnist.Tests;

public class ReductionsTests
{
    private static readonly Matrix X = Matrix.FromRows([1, 2, 3], [4, 5, 6]);

    [Fact]
    public void Sum_D2lExample_AlongEachAxis()
    {
        var down = Ops.Sum(X, axis: 0);
        var along = Ops.Sum(X, axis: 1);

        Assert.Equal((1, 3), down.Shape);
        Assert.Equal([5f, 7f, 9f], down.Data);
        Assert.Equal((2, 1), along.Shape);
        Assert.Equal([6f, 15f], along.Data);
        Assert.Equal(21f, Ops.Sum(X));
    }

    [Fact]
    public void Mean_AlongEachAxis_MatchesHandComputed()
    {
        Assert.Equal([2.5f, 3.5f, 4.5f], Ops.Mean(X, 0).Data);
        Assert.Equal([2f, 5f], Ops.Mean(X, 1).Data);
        Assert.Equal(3.5f, Ops.Mean(X));
    }

    [Fact]
    public void Sum_Destination_IsOverwritten()
    {
        var destination = Matrix.FromRow(100, 100, 100);

        Ops.Sum(X, 0, destination);

        Assert.Equal([5f, 7f, 9f], destination.Data);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Sum_BadAxis_ThrowsNamingAxis(int axis)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Sum(X, axis));

        Assert.Equal("axis", ex.ParamName);
        Assert.Contains($"Received: axis={axis}.", ex.Message);
    }

    [Fact]
    public void Mean_EmptyAxis_ThrowsNamingShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.Mean(new Matrix(0, 3), 0));

        Assert.Contains("x (0, 3)", ex.Message);
    }

    [Fact]
    public void Sum_WrongDestinationShape_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.Sum(X, 1, new Matrix(1, 3)));

        Assert.Contains("expected destination of shape (2, 1)", ex.Message);
    }
}
