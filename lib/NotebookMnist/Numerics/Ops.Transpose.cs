namespace NotebookMnist;

public static partial class Ops
{
    /// <summary>The transpose xᵀ, a new (x.Cols, x.Rows) matrix.</summary>
    /// <remarks>xᵀ[j, i] = x[i, j]. Products with a transpose need no copy: see <see cref="MatMulTransposeA(Matrix, Matrix)"/>.</remarks>
    public static Matrix Transpose(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Transpose(x, new Matrix(x.Cols, x.Rows));
    }

    /// <summary>Writes xᵀ into <paramref name="destination"/> (x.Cols, x.Rows) and returns it.</summary>
    /// <exception cref="ArgumentException">destination has the wrong shape or shares storage with x.</exception>
    public static Matrix Transpose(Matrix x, Matrix destination)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckDestination("Transpose", destination, x.Cols, x.Rows);
        CheckNotAliased("Transpose", x, nameof(x), destination);
        float[] source = x.Data, target = destination.Data;
        int rows = x.Rows, cols = x.Cols;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                target[j * rows + i] = source[i * cols + j];
        return destination;
    }
}
