using System.Numerics.Tensors;

namespace NotebookMnist;

public static partial class Ops
{
    /// <summary>Adds <paramref name="row"/> to every row of <paramref name="x"/>, in place, and returns x.</summary>
    /// <remarks>x[i, j] += row[j]: the bias of a dense layer, O = X·W + b, broadcast over the batch.</remarks>
    /// <exception cref="ArgumentException">row.Length ≠ x.Cols.</exception>
    public static Matrix AddRowVector(Matrix x, ReadOnlySpan<float> row)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (row.Length != x.Cols)
            throw new ArgumentException(
                $"AddRowVector: expected row.Length == x.Cols. Received: x {x.ShapeText}, row.Length={row.Length}.",
                nameof(row));
        AddRowVector(x.AsSpan(), row);
        return x;
    }

    /// <summary>Adds <paramref name="row"/> to each consecutive row.Length-long row of <paramref name="rows"/>, in place.</summary>
    internal static void AddRowVector(Span<float> rows, ReadOnlySpan<float> row)
    {
        for (int start = 0; start < rows.Length; start += row.Length)
            TensorPrimitives.Add(rows.Slice(start, row.Length), row, rows.Slice(start, row.Length));
    }
}
