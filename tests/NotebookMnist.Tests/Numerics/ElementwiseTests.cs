using NotebookMnist;

namespace NotebookMnist.Tests;

public class ElementwiseTests
{
    private static readonly Matrix A = Matrix.FromRows([1, 2], [3, 4]);
    private static readonly Matrix B = Matrix.FromRows([0.5f, -1], [2, 8]);

    [Fact]
    public void Arithmetic_SmallCase_MatchesHandComputed()
    {
        Assert.Equal([1.5f, 1, 5, 12], Ops.Add(A, B).Data);
        Assert.Equal([0.5f, 3, 1, -4], Ops.Subtract(A, B).Data);
        Assert.Equal([0.5f, -2, 6, 32], Ops.Multiply(A, B).Data);
        Assert.Equal([2f, -2, 1.5f, 0.5f], Ops.Divide(A, B).Data);
        Assert.Equal([-2f, -4, -6, -8], Ops.Scale(A, -2).Data);
    }

    [Fact]
    public void ExpAndLog_AreInverse()
    {
        var x = Matrix.FromRow(-3, 0, 1.5f);

        var roundTrip = Ops.Log(Ops.Exp(x));

        for (int i = 0; i < x.Length; i++)
            Assert.Equal(x.Data[i], roundTrip.Data[i], 5);
        Assert.Equal(MathF.E, Ops.Exp(Matrix.FromRow(1))[0, 0], 5);
    }

    [Fact]
    public void Clip_LimitsToRange()
    {
        Assert.Equal([0f, 0.5f, 1f], Ops.Clip(Matrix.FromRow(-2, 0.5f, 7), 0, 1).Data);
    }

    [Fact]
    public void Clip_MinAboveMax_ThrowsNamingBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.Clip(A, 2, 1));

        Assert.Contains("Received: min=2, max=1.", ex.Message);
    }

    [Fact]
    public void Add_InPlace_WritesIntoFirstOperand()
    {
        var a = A.Clone();

        Ops.Add(a, B, a);

        Assert.Equal([1.5f, 1, 5, 12], a.Data);
    }

    [Fact]
    public void Add_MismatchedShapes_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.Add(new Matrix(2, 3), new Matrix(3, 2)));

        Assert.StartsWith("Add: expected a and b to have the same shape. Received: a (2, 3), b (3, 2).", ex.Message);
    }

    [Fact]
    public void Transpose_SwapsRowsAndColumns()
    {
        var t = Ops.Transpose(Matrix.FromRows([1, 2, 3], [4, 5, 6]));

        Assert.Equal((3, 2), t.Shape);
        Assert.Equal([1f, 4, 2, 5, 3, 6], t.Data);
    }

    [Fact]
    public void Transpose_WrongDestination_ThrowsNamingShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.Transpose(new Matrix(2, 3), new Matrix(2, 3)));

        Assert.Contains("expected destination of shape (3, 2)", ex.Message);
    }

    [Fact]
    public void AddRowVector_AddsBiasToEveryRow()
    {
        var x = A.Clone();

        var result = Ops.AddRowVector(x, [10f, 20f]);

        Assert.Same(x, result);
        Assert.Equal([11f, 22, 13, 24], x.Data);
    }

    [Fact]
    public void AddRowVector_WrongLength_ThrowsNamingShapeAndLength()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.AddRowVector(A.Clone(), [1f, 2f, 3f]));

        Assert.Contains("Received: x (2, 2), row.Length=3.", ex.Message);
        Assert.Equal("row", ex.ParamName);
    }
}
