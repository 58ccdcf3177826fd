using System.Numerics.Tensors;

namespace NotebookMnist;

public static partial class Ops
{
    /// <summary>The column index of the largest value in each row: the predicted class of each sample.</summary>
    /// <remarks>Ties go to the first (smallest) index, as NumPy's argmax. Argmax of softmax(o) is argmax of o.</remarks>
    /// <exception cref="ArgumentException">x has no columns.</exception>
    public static int[] ArgMax(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = new int[x.Rows];
        ArgMax(x, result);
        return result;
    }

    /// <summary>Writes the column index of the largest value of each row into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">x has no columns, or destination is shorter than x.Rows.</exception>
    public static void ArgMax(Matrix x, Span<int> destination)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Cols == 0)
            throw new ArgumentException($"ArgMax: expected at least one column. Received: x {x.ShapeText}.", nameof(x));
        CheckSpanDestination(x.Rows, destination.Length);
        for (int r = 0; r < x.Rows; r++)
            destination[r] = TensorPrimitives.IndexOfMax<float>(x.Row(r));
    }
}
