namespace NotebookMnist;

/// <summary>Matrix operations of the notebooks: a façade over span kernels, one concept per file.</summary>
/// <remarks>
/// Every operation validates shapes up front and names both shapes in its error, e.g.
/// "MatMul: expected a.Cols == b.Rows. Received: a (2, 3), b (4, 5).". Operations that take a
/// <c>destination</c> write into it and return it, so a training loop can run without allocating.
/// </remarks>
public static partial class Ops
{
    /// <summary>Rows narrower than one AVX-512 vector (e.g. 10 classes) are processed by a plain loop over the whole
    /// matrix: the same operations in the same order, without a TensorPrimitives call (~5–10 ns) per row.</summary>
    internal const int NarrowRow = 16;

    /// <summary>Throws unless <paramref name="a"/> and <paramref name="b"/> have the same shape.</summary>
    internal static void CheckSameShape(string op, Matrix a, Matrix b, string aName, string bName)
    {
        ArgumentNullException.ThrowIfNull(a, aName);
        ArgumentNullException.ThrowIfNull(b, bName);
        if (a.Rows != b.Rows || a.Cols != b.Cols)
            throw new ArgumentException(
                $"{op}: expected {aName} and {bName} to have the same shape. " +
                $"Received: {aName} {a.ShapeText}, {bName} {b.ShapeText}.", bName);
    }

    /// <summary>Throws unless <paramref name="destination"/> is (rows, cols).</summary>
    internal static void CheckDestination(string op, Matrix destination, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Rows != rows || destination.Cols != cols)
            throw new ArgumentException(
                $"{op}: expected destination of shape ({rows}, {cols}). Received: destination {destination.ShapeText}.",
                nameof(destination));
    }

    /// <summary>Throws when <paramref name="destination"/> shares storage with <paramref name="input"/>.</summary>
    internal static void CheckNotAliased(string op, Matrix input, string inputName, Matrix destination)
    {
        if (ReferenceEquals(input.Data, destination.Data))
            throw new ArgumentException(
                $"{op}: expected destination not to share storage with {inputName}. Received: the same array.",
                nameof(destination));
    }

    /// <summary>Throws "Destination is too short." unless destination holds at least <paramref name="length"/> values.</summary>
    internal static void CheckSpanDestination(int length, int destinationLength)
    {
        if (destinationLength < length)
            throw new ArgumentException("Destination is too short.", "destination");
    }

    /// <summary>Throws unless two input spans have the same length.</summary>
    internal static void CheckSameLength(int xLength, int yLength)
    {
        if (xLength != yLength)
            throw new ArgumentException(
                $"Expected x and y to have the same length. Received: x.Length={xLength}, y.Length={yLength}.", "y");
    }

    /// <summary>Throws unless the input named <paramref name="name"/> has at least one value.</summary>
    internal static void CheckNotEmpty(string op, int length, string name)
    {
        if (length == 0)
            throw new ArgumentException($"{op}: expected a non-empty {name}. Received: {name} of length 0.", name);
    }

    /// <summary>A new matrix with the shape of <paramref name="x"/>.</summary>
    private static Matrix Like(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new Matrix(x.Rows, x.Cols);
    }
}
