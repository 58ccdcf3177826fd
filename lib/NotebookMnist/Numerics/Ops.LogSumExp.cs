using System.Numerics;
using System.Numerics.Tensors;

namespace NotebookMnist;

public static partial class Ops
{
    /// <summary>log Σⱼ exp(xⱼ), computed without overflow.</summary>
    /// <remarks>
    /// LogSumExp(x) = max x + log Σⱼ exp(xⱼ − max x): every exponent is ≤ 0, so nothing overflows, and the largest
    /// term is exactly 1, so the sum never underflows to 0. It is the smooth maximum ("RealSoftMax") of d2l §3.4.
    /// </remarks>
    /// <exception cref="ArgumentException">x is empty.</exception>
    public static float LogSumExp(ReadOnlySpan<float> x)
    {
        CheckNotEmpty("LogSumExp", x.Length, nameof(x));
        return LogSumExpKernel(x);
    }

    /// <summary>The LogSumExp of each row of <paramref name="x"/>, length x.Rows.</summary>
    /// <exception cref="ArgumentException">x has no columns.</exception>
    public static float[] LogSumExp(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = new float[x.Rows];
        LogSumExp(x, result);
        return result;
    }

    /// <summary>Writes the LogSumExp of each row of <paramref name="x"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">x has no columns, or destination is shorter than x.Rows.</exception>
    public static void LogSumExp(Matrix x, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Cols == 0)
            throw new ArgumentException(
                $"LogSumExp: expected at least one column. Received: x {x.ShapeText}.", nameof(x));
        CheckSpanDestination(x.Rows, destination.Length);
        for (int r = 0; r < x.Rows; r++)
            destination[r] = LogSumExpKernel<float>(x.Row(r));
    }

    /// <summary>The LogSumExp kernel for any IEEE floating type; x must not be empty.</summary>
    internal static T LogSumExpKernel<T>(ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T>
    {
        T max = TensorPrimitives.Max(x);
        if (T.IsInfinity(max))
            return max; // all −∞ gives −∞; any +∞ gives +∞ (the shift would make ∞ − ∞ = NaN)
        T sum = T.Zero;
        foreach (T value in x)
            sum += T.Exp(value - max);
        return max + T.Log(sum);
    }
}
