using NotebookMnist;

namespace NotebookMnist.Tests;

public class ArgMaxTests
{
    [Fact]
    public void ArgMax_D2lExample_IsTwoAndTwo()
    {
        Assert.Equal([2, 2], Ops.ArgMax(Matrix.FromRows([0.1f, 0.3f, 0.6f], [0.3f, 0.2f, 0.5f])));
    }

    [Fact]
    public void ArgMax_Ties_TakeFirstIndex()
    {
        Assert.Equal([1, 0], Ops.ArgMax(Matrix.FromRows([0, 5, 5], [-1, -1, -1])));
    }

    [Fact]
    public void ArgMax_NoColumns_ThrowsNamingShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.ArgMax(new Matrix(3, 0)));

        Assert.Contains("x (3, 0)", ex.Message);
    }

    [Fact]
    public void ArgMax_ShortDestination_Throws()
    {
        Assert.Throws<ArgumentException>(() => Ops.ArgMax(new Matrix(3, 2), new int[2]));
    }
}
