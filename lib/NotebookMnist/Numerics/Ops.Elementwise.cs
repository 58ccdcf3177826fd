using System.Numerics.Tensors;

namespace NotebookMnist;

public static partial class Ops
{
    /// <summary>The elementwise sum a + b, a new matrix.</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix Add(Matrix a, Matrix b) => Add(a, b, Like(a));

    /// <summary>Writes a + b into <paramref name="destination"/> and returns it (in place allowed).</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix Add(Matrix a, Matrix b, Matrix destination) =>
        Zip("Add", a, b, destination, TensorPrimitives.Add);

    /// <summary>The elementwise difference a − b, a new matrix.</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix Subtract(Matrix a, Matrix b) => Subtract(a, b, Like(a));

    /// <summary>Writes a − b into <paramref name="destination"/> and returns it (in place allowed).</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix Subtract(Matrix a, Matrix b, Matrix destination) =>
        Zip("Subtract", a, b, destination, TensorPrimitives.Subtract);

    /// <summary>The elementwise (Hadamard) product a ⊙ b, a new matrix; for the matrix product use <see cref="MatMul(Matrix, Matrix)"/>.</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix Multiply(Matrix a, Matrix b) => Multiply(a, b, Like(a));

    /// <summary>Writes a ⊙ b into <paramref name="destination"/> and returns it (in place allowed).</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix Multiply(Matrix a, Matrix b, Matrix destination) =>
        Zip("Multiply", a, b, destination, TensorPrimitives.Multiply);

    /// <summary>The elementwise quotient a / b, a new matrix.</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix Divide(Matrix a, Matrix b) => Divide(a, b, Like(a));

    /// <summary>Writes a / b into <paramref name="destination"/> and returns it (in place allowed).</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix Divide(Matrix a, Matrix b, Matrix destination) =>
        Zip("Divide", a, b, destination, TensorPrimitives.Divide);

    /// <summary>factor · x, a new matrix.</summary>
    public static Matrix Scale(Matrix x, float factor) => Scale(x, factor, Like(x));

    /// <summary>Writes factor · x into <paramref name="destination"/> and returns it (in place allowed).</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix Scale(Matrix x, float factor, Matrix destination)
    {
        CheckSameShape("Scale", x, destination, nameof(x), nameof(destination));
        TensorPrimitives.Multiply(x.AsSpan(), factor, destination.AsSpan());
        return destination;
    }

    /// <summary>exp of every element, a new matrix.</summary>
    public static Matrix Exp(Matrix x) => Exp(x, Like(x));

    /// <summary>Writes exp(x) into <paramref name="destination"/> and returns it (in place allowed).</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix Exp(Matrix x, Matrix destination) => Map("Exp", x, destination, TensorPrimitives.Exp);

    /// <summary>The natural log of every element, a new matrix (log 0 = −∞, log of a negative = NaN).</summary>
    public static Matrix Log(Matrix x) => Log(x, Like(x));

    /// <summary>Writes log(x) into <paramref name="destination"/> and returns it (in place allowed).</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix Log(Matrix x, Matrix destination) => Map("Log", x, destination, TensorPrimitives.Log);

    /// <summary>Every element limited to [min, max], a new matrix.</summary>
    /// <remarks>clip(x) = min(max(x, min), max), as NumPy's clip; Keras clips probabilities to [1e-7, 1 − 1e-7] before a log.</remarks>
    /// <exception cref="ArgumentException">min &gt; max.</exception>
    public static Matrix Clip(Matrix x, float min, float max) => Clip(x, min, max, Like(x));

    /// <summary>Writes x limited to [min, max] into <paramref name="destination"/> and returns it (in place allowed).</summary>
    /// <exception cref="ArgumentException">min &gt; max, or shapes differ.</exception>
    public static Matrix Clip(Matrix x, float min, float max, Matrix destination)
    {
        if (!(min <= max))
            throw new ArgumentException($"Clip: expected min ≤ max. Received: min={min}, max={max}.", nameof(min));
        CheckSameShape("Clip", x, destination, nameof(x), nameof(destination));
        TensorPrimitives.Max(x.AsSpan(), min, destination.AsSpan());
        TensorPrimitives.Min(destination.AsSpan(), max, destination.AsSpan());
        return destination;
    }

    private delegate void SpanZip(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination);

    private static Matrix Zip(string op, Matrix a, Matrix b, Matrix destination, SpanZip kernel)
    {
        CheckSameShape(op, a, b, nameof(a), nameof(b));
        CheckSameShape(op, a, destination, nameof(a), nameof(destination));
        kernel(a.Data, b.Data, destination.Data);
        return destination;
    }
}
