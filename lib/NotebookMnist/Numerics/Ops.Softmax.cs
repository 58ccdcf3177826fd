using System.Numerics;
using System.Numerics.Tensors;

namespace NotebookMnist;

public static partial class Ops
{
    /// <summary>Row-wise softmax of <paramref name="logits"/>, a new matrix whose rows sum to 1.</summary>
    /// <remarks>
    /// softmax(o)ⱼ = exp(oⱼ − max o) / Σₖ exp(oₖ − max o). Subtracting the row maximum changes nothing
    /// mathematically and keeps exp from overflowing (d2l §3.7 "Softmax revisited"). Introduced in
    /// notebooks/01-softmax.ipynb.
    /// </remarks>
    /// <exception cref="ArgumentException">logits has no columns.</exception>
    public static Matrix Softmax(Matrix logits) => Softmax(logits, Like(logits));

    /// <summary>Writes the row-wise softmax of <paramref name="logits"/> into <paramref name="destination"/> and returns it.</summary>
    /// <remarks><paramref name="destination"/> may be <paramref name="logits"/> itself (in place).</remarks>
    /// <exception cref="ArgumentException">Shapes differ, or logits has no columns.</exception>
    public static Matrix Softmax(Matrix logits, Matrix destination)
    {
        CheckRowwise("Softmax", logits, destination);
        for (int r = 0; r < logits.Rows; r++)
            SoftmaxKernel<float>(logits.Row(r), destination.Row(r));
        return destination;
    }

    /// <summary>Writes softmax(<paramref name="x"/>) into <paramref name="destination"/>.</summary>
    /// <remarks>destinationⱼ = exp(xⱼ − max x) / Σₖ exp(xₖ − max x). The spans may overlap exactly (in place).</remarks>
    /// <exception cref="ArgumentException">x is empty, or destination is shorter than x.</exception>
    public static void Softmax(ReadOnlySpan<float> x, Span<float> destination)
    {
        CheckNotEmpty("Softmax", x.Length, nameof(x));
        CheckSpanDestination(x.Length, destination.Length);
        SoftmaxKernel(x, destination[..x.Length]);
    }

    /// <summary>Row-wise log-softmax, a new matrix: log of <see cref="Softmax(Matrix)"/> computed without taking log of a rounded 0.</summary>
    /// <remarks>log softmax(o)ⱼ = oⱼ − LogSumExp(o) = (oⱼ − max o) − log Σₖ exp(oₖ − max o).</remarks>
    /// <exception cref="ArgumentException">logits has no columns.</exception>
    public static Matrix LogSoftmax(Matrix logits) => LogSoftmax(logits, Like(logits));

    /// <summary>Writes the row-wise log-softmax of <paramref name="logits"/> into <paramref name="destination"/> and returns it.</summary>
    /// <exception cref="ArgumentException">Shapes differ, or logits has no columns.</exception>
    public static Matrix LogSoftmax(Matrix logits, Matrix destination)
    {
        CheckRowwise("LogSoftmax", logits, destination);
        for (int r = 0; r < logits.Rows; r++)
            LogSoftmaxKernel<float>(logits.Row(r), destination.Row(r));
        return destination;
    }

    /// <summary>Writes log softmax(<paramref name="x"/>) into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">x is empty, or destination is shorter than x.</exception>
    public static void LogSoftmax(ReadOnlySpan<float> x, Span<float> destination)
    {
        CheckNotEmpty("LogSoftmax", x.Length, nameof(x));
        CheckSpanDestination(x.Length, destination.Length);
        LogSoftmaxKernel(x, destination[..x.Length]);
    }

    /// <summary>The softmax kernel for any IEEE floating type (float in the library, double in the gradient tests).</summary>
    internal static void SoftmaxKernel<T>(ReadOnlySpan<T> x, Span<T> destination)
        where T : IFloatingPointIeee754<T>
    {
        T max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, destination);
        TensorPrimitives.Exp(destination, destination);
        T sum = TensorPrimitives.Sum<T>(destination);
        TensorPrimitives.Divide(destination, sum, destination);
    }

    /// <summary>The log-softmax kernel for any IEEE floating type.</summary>
    internal static void LogSoftmaxKernel<T>(ReadOnlySpan<T> x, Span<T> destination)
        where T : IFloatingPointIeee754<T>
    {
        T logSumExp = LogSumExpKernel(x);
        TensorPrimitives.Subtract(x, logSumExp, destination);
    }

    private static void CheckRowwise(string op, Matrix x, Matrix destination)
    {
        CheckSameShape(op, x, destination, "logits", nameof(destination));
        if (x.Cols == 0)
            throw new ArgumentException(
                $"{op}: expected at least one column (class). Received: logits {x.ShapeText}.", "logits");
    }
}
