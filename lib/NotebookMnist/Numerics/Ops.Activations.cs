using System.Numerics.Tensors;

namespace NotebookMnist;

public static partial class Ops
{
    /// <summary>The logistic sigmoid σ(x) = 1 / (1 + exp(−x)) of every element, a new matrix.</summary>
    public static Matrix Sigmoid(Matrix x) => Sigmoid(x, Like(x));

    /// <summary>Writes σ(x) into <paramref name="destination"/> and returns it (in place allowed).</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix Sigmoid(Matrix x, Matrix destination) => Map("Sigmoid", x, destination, Sigmoid);

    /// <summary>Writes σ(xᵢ) = 1 / (1 + exp(−xᵢ)) into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">destination is shorter than x.</exception>
    public static void Sigmoid(ReadOnlySpan<float> x, Span<float> destination)
    {
        CheckSpanDestination(x.Length, destination.Length);
        TensorPrimitives.Sigmoid(x, destination);
    }

    /// <summary>The hyperbolic tangent of every element, a new matrix.</summary>
    public static Matrix Tanh(Matrix x) => Tanh(x, Like(x));

    /// <summary>Writes tanh(x) into <paramref name="destination"/> and returns it (in place allowed).</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix Tanh(Matrix x, Matrix destination) => Map("Tanh", x, destination, Tanh);

    /// <summary>Writes tanh(xᵢ) into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">destination is shorter than x.</exception>
    public static void Tanh(ReadOnlySpan<float> x, Span<float> destination)
    {
        CheckSpanDestination(x.Length, destination.Length);
        TensorPrimitives.Tanh(x, destination);
    }

    /// <summary>The rectified linear unit max(x, 0) of every element, a new matrix.</summary>
    public static Matrix Relu(Matrix x) => Relu(x, Like(x));

    /// <summary>Writes max(x, 0) into <paramref name="destination"/> and returns it (in place allowed).</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix Relu(Matrix x, Matrix destination) => Map("Relu", x, destination, Relu);

    /// <summary>Writes max(xᵢ, 0) into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">destination is shorter than x.</exception>
    public static void Relu(ReadOnlySpan<float> x, Span<float> destination)
    {
        CheckSpanDestination(x.Length, destination.Length);
        TensorPrimitives.Max(x, 0f, destination);
    }

    /// <summary>The derivative of the sigmoid at every element of the input x, a new matrix.</summary>
    /// <remarks>σ′(x) = σ(x)·(1 − σ(x)); its maximum is 1/4 at x = 0 and it vanishes when σ saturates.</remarks>
    public static Matrix SigmoidDerivative(Matrix x) => SigmoidDerivative(x, Like(x));

    /// <summary>Writes σ′(x) into <paramref name="destination"/> and returns it (in place allowed).</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix SigmoidDerivative(Matrix x, Matrix destination) =>
        Map("SigmoidDerivative", x, destination, SigmoidDerivative);

    /// <summary>Writes σ′(xᵢ) = σ(xᵢ)(1 − σ(xᵢ)) into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">destination is shorter than x.</exception>
    public static void SigmoidDerivative(ReadOnlySpan<float> x, Span<float> destination)
    {
        Sigmoid(x, destination);
        var s = destination[..x.Length];
        // σ − σ² = σ(1 − σ), computed in place as s ← s − s·s.
        for (int i = 0; i < s.Length; i++)
            s[i] -= s[i] * s[i];
    }

    /// <summary>The derivative of tanh at every element of the input x, a new matrix.</summary>
    /// <remarks>tanh′(x) = 1 − tanh²(x).</remarks>
    public static Matrix TanhDerivative(Matrix x) => TanhDerivative(x, Like(x));

    /// <summary>Writes tanh′(x) into <paramref name="destination"/> and returns it (in place allowed).</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix TanhDerivative(Matrix x, Matrix destination) =>
        Map("TanhDerivative", x, destination, TanhDerivative);

    /// <summary>Writes tanh′(xᵢ) = 1 − tanh²(xᵢ) into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">destination is shorter than x.</exception>
    public static void TanhDerivative(ReadOnlySpan<float> x, Span<float> destination)
    {
        Tanh(x, destination);
        var t = destination[..x.Length];
        TensorPrimitives.Multiply(t, t, t);
        TensorPrimitives.Subtract(1f, t, t);
    }

    /// <summary>The derivative of relu at every element of the input x, a new matrix of 0s and 1s.</summary>
    /// <remarks>relu′(x) = 1 if x &gt; 0, else 0 (0 at the kink x = 0, as PyTorch and TensorFlow do).</remarks>
    public static Matrix ReluDerivative(Matrix x) => ReluDerivative(x, Like(x));

    /// <summary>Writes relu′(x) into <paramref name="destination"/> and returns it (in place allowed).</summary>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix ReluDerivative(Matrix x, Matrix destination) =>
        Map("ReluDerivative", x, destination, ReluDerivative);

    /// <summary>Writes 1 where xᵢ &gt; 0 and 0 elsewhere into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">destination is shorter than x.</exception>
    public static void ReluDerivative(ReadOnlySpan<float> x, Span<float> destination)
    {
        CheckSpanDestination(x.Length, destination.Length);
        for (int i = 0; i < x.Length; i++)
            destination[i] = x[i] > 0f ? 1f : 0f;
    }

    private delegate void SpanMap(ReadOnlySpan<float> x, Span<float> destination);

    private static Matrix Map(string op, Matrix x, Matrix destination, SpanMap kernel)
    {
        CheckSameShape(op, x, destination, nameof(x), nameof(destination));
        kernel(x.Data, destination.Data);
        return destination;
    }
}
