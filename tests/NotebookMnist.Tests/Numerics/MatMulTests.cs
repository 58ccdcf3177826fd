using NotebookMnist;

namespace NotebookMnist.Tests;

/// <summary>The Ops.MatMul façade: shapes, transposed forms and validation (the Gemm kernel itself is tested against a naive loop by its own tests).</summary>
public class MatMulTests
{
    private static readonly Matrix A = Matrix.FromRows([1, 2, 3], [4, 5, 6]);      // (2, 3)
    private static readonly Matrix B = Matrix.FromRows([1, 0], [0, 1], [2, -1]);   // (3, 2)

    [Fact]
    public void MatMul_SmallCase_MatchesHandComputed()
    {
        // [1 2 3]·B = [1 + 6, 2 − 3] = [7, −1]; [4 5 6]·B = [4 + 12, 5 − 6] = [16, −1]
        var c = Ops.MatMul(A, B);

        Assert.Equal((2, 2), c.Shape);
        Assert.Equal([7f, -1f, 16f, -1f], c.Data);
    }

    [Fact]
    public void MatMulTransposeA_EqualsMatMulOfExplicitTranspose()
    {
        var g = Matrix.FromRows([1, -1], [2, 0.5f]);    // (2, 2)

        var expected = Ops.MatMul(Ops.Transpose(A), g);  // (3, 2)
        var actual = Ops.MatMulTransposeA(A, g);

        Assert.Equal(expected.Shape, actual.Shape);
        Assert.Equal(expected.Data, actual.Data);
        Assert.Equal([9f, 1f, 12f, 0.5f, 15f, 0f], actual.Data); // rows of Aᵀ times g: [1, 4]·g = [9, 1], [2, 5]·g = [12, 0.5], [3, 6]·g = [15, 0]
    }

    [Fact]
    public void MatMulTransposeB_EqualsMatMulOfExplicitTranspose()
    {
        var expected = Ops.MatMul(A, Ops.Transpose(A));  // (2, 2): [[14, 32], [32, 77]]
        var actual = Ops.MatMulTransposeB(A, A);

        Assert.Equal([14f, 32f, 32f, 77f], expected.Data);
        Assert.Equal(expected.Data, actual.Data);
    }

    [Fact]
    public void MatMul_DestinationOverload_OverwritesAndReturnsDestination()
    {
        var destination = Matrix.FromRows([100, 100], [100, 100]);

        var result = Ops.MatMul(A, B, destination);

        Assert.Same(destination, result);
        Assert.Equal([7f, -1f, 16f, -1f], destination.Data);
    }

    [Fact]
    public void MatMul_InnerMismatch_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.MatMul(new Matrix(2, 3), new Matrix(4, 5)));

        Assert.StartsWith("MatMul: expected a.Cols == b.Rows. Received: a (2, 3), b (4, 5).", ex.Message);
    }

    [Fact]
    public void MatMulTransposeA_RowMismatch_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.MatMulTransposeA(new Matrix(2, 3), new Matrix(4, 5)));

        Assert.StartsWith("MatMulTransposeA: expected a.Rows == b.Rows. Received: a (2, 3), b (4, 5).", ex.Message);
    }

    [Fact]
    public void MatMulTransposeB_ColMismatch_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.MatMulTransposeB(new Matrix(2, 3), new Matrix(4, 5)));

        Assert.StartsWith("MatMulTransposeB: expected a.Cols == b.Cols. Received: a (2, 3), b (4, 5).", ex.Message);
    }

    [Fact]
    public void MatMul_WrongDestinationShape_ThrowsNamingShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.MatMul(A, B, new Matrix(2, 3)));

        Assert.Contains("expected destination of shape (2, 2). Received: destination (2, 3).", ex.Message);
    }

    [Fact]
    public void MatMul_DestinationAliasesInput_Throws()
    {
        var square = Matrix.FromRows([1, 2], [3, 4]);

        var ex = Assert.Throws<ArgumentException>(() => Ops.MatMul(square, square, square));

        Assert.Contains("not to share storage with a", ex.Message);
    }
}
