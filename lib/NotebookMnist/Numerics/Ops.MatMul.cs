namespace NotebookMnist;

public static partial class Ops
{
    /// <summary>The matrix product a·b, a new (a.Rows, b.Cols) matrix.</summary>
    /// <remarks>C[i, j] = Σₚ a[i, p]·b[p, j]. The forward pass of a dense layer: (batch, inputs)·(inputs, units).</remarks>
    /// <exception cref="ArgumentException">a.Cols ≠ b.Rows.</exception>
    public static Matrix MatMul(Matrix a, Matrix b)
    {
        CheckInner("MatMul", "a.Cols == b.Rows", a, b, a?.Cols, b?.Rows);
        return MatMul(a!, b!, new Matrix(a!.Rows, b!.Cols));
    }

    /// <summary>Writes a·b into <paramref name="destination"/> (a.Rows, b.Cols) and returns it.</summary>
    /// <exception cref="ArgumentException">a.Cols ≠ b.Rows, a destination of the wrong shape, or one that shares storage with a or b.</exception>
    public static Matrix MatMul(Matrix a, Matrix b, Matrix destination)
    {
        CheckInner("MatMul", "a.Cols == b.Rows", a, b, a?.Cols, b?.Rows);
        CheckProduct("MatMul", a!, b!, destination, a!.Rows, b!.Cols);
        Gemm.Multiply(a.Data, b.Data, destination.Data, a.Rows, a.Cols, b.Cols);
        return destination;
    }

    /// <summary>The product aᵀ·b, a new (a.Cols, b.Cols) matrix, without forming aᵀ.</summary>
    /// <remarks>C[i, j] = Σₚ a[p, i]·b[p, j]. The weight gradient of a dense layer: Xᵀ·G, (inputs, batch)·(batch, units).</remarks>
    /// <exception cref="ArgumentException">a.Rows ≠ b.Rows.</exception>
    public static Matrix MatMulTransposeA(Matrix a, Matrix b)
    {
        CheckInner("MatMulTransposeA", "a.Rows == b.Rows", a, b, a?.Rows, b?.Rows);
        return MatMulTransposeA(a!, b!, new Matrix(a!.Cols, b!.Cols));
    }

    /// <summary>Writes aᵀ·b into <paramref name="destination"/> (a.Cols, b.Cols) and returns it.</summary>
    /// <exception cref="ArgumentException">a.Rows ≠ b.Rows, a destination of the wrong shape, or one that shares storage with a or b.</exception>
    public static Matrix MatMulTransposeA(Matrix a, Matrix b, Matrix destination)
    {
        CheckInner("MatMulTransposeA", "a.Rows == b.Rows", a, b, a?.Rows, b?.Rows);
        CheckProduct("MatMulTransposeA", a!, b!, destination, a!.Cols, b!.Cols);
        Gemm.Multiply(a.Data, b.Data, destination.Data, a.Cols, a.Rows, b.Cols, transposeA: true);
        return destination;
    }

    /// <summary>The product a·bᵀ, a new (a.Rows, b.Rows) matrix, without forming bᵀ.</summary>
    /// <remarks>C[i, j] = Σₚ a[i, p]·b[j, p]. The input gradient of a dense layer: G·Wᵀ, (batch, units)·(units, inputs).</remarks>
    /// <exception cref="ArgumentException">a.Cols ≠ b.Cols.</exception>
    public static Matrix MatMulTransposeB(Matrix a, Matrix b)
    {
        CheckInner("MatMulTransposeB", "a.Cols == b.Cols", a, b, a?.Cols, b?.Cols);
        return MatMulTransposeB(a!, b!, new Matrix(a!.Rows, b!.Rows));
    }

    /// <summary>Writes a·bᵀ into <paramref name="destination"/> (a.Rows, b.Rows) and returns it.</summary>
    /// <exception cref="ArgumentException">a.Cols ≠ b.Cols, a destination of the wrong shape, or one that shares storage with a or b.</exception>
    public static Matrix MatMulTransposeB(Matrix a, Matrix b, Matrix destination)
    {
        CheckInner("MatMulTransposeB", "a.Cols == b.Cols", a, b, a?.Cols, b?.Cols);
        CheckProduct("MatMulTransposeB", a!, b!, destination, a!.Rows, b!.Rows);
        Gemm.Multiply(a.Data, b.Data, destination.Data, a.Rows, a.Cols, b.Rows, transposeB: true);
        return destination;
    }

    private static void CheckInner(string op, string rule, Matrix? a, Matrix? b, int? left, int? right)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (left != right)
            throw new ArgumentException(
                $"{op}: expected {rule}. Received: a {a.ShapeText}, b {b.ShapeText}.", nameof(b));
    }

    private static void CheckProduct(string op, Matrix a, Matrix b, Matrix destination, int rows, int cols)
    {
        CheckDestination(op, destination, rows, cols);
        CheckNotAliased(op, a, "a", destination);
        CheckNotAliased(op, b, "b", destination);
    }
}
