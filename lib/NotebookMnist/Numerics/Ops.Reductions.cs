using System.Numerics.Tensors;

namespace NotebookMnist;

public static partial class Ops
{
    /// <summary>The sum of all elements.</summary>
    public static float Sum(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return TensorPrimitives.Sum<float>(x.Data);
    }

    /// <summary>Sums along an axis, keeping it: axis 0 gives a (1, cols) row of column sums, axis 1 a (rows, 1) column of row sums.</summary>
    /// <remarks>d2l §3.6: [[1, 2, 3], [4, 5, 6]] gives [[5, 7, 9]] along axis 0 and [[6], [15]] along axis 1.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">axis is not 0 or 1.</exception>
    public static Matrix Sum(Matrix x, int axis) => Sum(x, axis, ReducedLike(x, axis));

    /// <summary>Writes the sums along <paramref name="axis"/> into <paramref name="destination"/> ((1, cols) or (rows, 1)) and returns it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">axis is not 0 or 1.</exception>
    /// <exception cref="ArgumentException">destination has the wrong shape.</exception>
    public static Matrix Sum(Matrix x, int axis, Matrix destination)
    {
        CheckReduced("Sum", x, axis, destination);
        var d = destination.AsSpan();
        if (axis == 0)
        {
            d.Clear();
            if (x.Cols < NarrowRow)
                SumRowsNarrow(x.AsSpan(), d);
            else
                for (int r = 0; r < x.Rows; r++)
                    TensorPrimitives.Add(d, x.Row(r), d);
        }
        else
        {
            for (int r = 0; r < x.Rows; r++)
                d[r] = TensorPrimitives.Sum<float>(x.Row(r));
        }
        return destination;
    }

    /// <summary>destination[j] += Σ rows' element j, row after row: the order of the per-row adds, in one loop.</summary>
    private static void SumRowsNarrow(ReadOnlySpan<float> x, Span<float> destination)
    {
        for (int start = 0; start < x.Length; start += destination.Length)
            for (int j = 0; j < destination.Length; j++) destination[j] += x[start + j];
    }

    /// <summary>The mean of all elements.</summary>
    /// <exception cref="ArgumentException">x is empty.</exception>
    public static float Mean(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckNotEmpty("Mean", x.Length, nameof(x));
        return Sum(x) / x.Length;
    }

    /// <summary>Means along an axis, keeping it: axis 0 gives (1, cols), axis 1 gives (rows, 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">axis is not 0 or 1.</exception>
    /// <exception cref="ArgumentException">The axis being averaged has length 0.</exception>
    public static Matrix Mean(Matrix x, int axis) => Mean(x, axis, ReducedLike(x, axis));

    /// <summary>Writes the means along <paramref name="axis"/> into <paramref name="destination"/> and returns it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">axis is not 0 or 1.</exception>
    /// <exception cref="ArgumentException">destination has the wrong shape, or the axis has length 0.</exception>
    public static Matrix Mean(Matrix x, int axis, Matrix destination)
    {
        CheckReduced("Mean", x, axis, destination);
        int count = axis == 0 ? x.Rows : x.Cols;
        if (count == 0)
            throw new ArgumentException(
                $"Mean: expected a non-empty axis {axis}. Received: x {x.ShapeText}.", nameof(x));
        Sum(x, axis, destination);
        TensorPrimitives.Divide(destination.AsSpan(), count, destination.AsSpan());
        return destination;
    }

    private static Matrix ReducedLike(Matrix x, int axis)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckAxis(axis);
        return axis == 0 ? new Matrix(1, x.Cols) : new Matrix(x.Rows, 1);
    }

    private static void CheckReduced(string op, Matrix x, int axis, Matrix destination)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckAxis(axis);
        if (axis == 0) CheckDestination(op, destination, 1, x.Cols);
        else CheckDestination(op, destination, x.Rows, 1);
        CheckNotAliased(op, x, nameof(x), destination);
    }

    private static void CheckAxis(int axis)
    {
        if (axis is not (0 or 1))
            throw new ArgumentOutOfRangeException(
                nameof(axis), $"Expected `axis` to be 0 (down the rows) or 1 (along a row). Received: axis={axis}.");
    }
}
