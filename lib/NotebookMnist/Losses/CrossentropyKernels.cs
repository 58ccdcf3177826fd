using System.Numerics;

namespace NotebookMnist;

/// <summary>The per-sample cross-entropy kernels shared by the categorical and sparse categorical losses.</summary>
/// <remarks>
/// The target is either a row of weights yTrue (label &lt; 0) or a class index (label ≥ 0, meaning a one-hot row).
/// Probability path (Keras): q = p / Σₖpₖ, c = clip(q, ε, 1 − ε) with ε = 1e-7, ℓ = −Σⱼ yⱼ log cⱼ.
/// Its gradient: gⱼ = −yⱼ/qⱼ where ε ≤ qⱼ ≤ 1 − ε and 0 where the clip is active (TensorFlow's clip_by_value
/// gradient), then through the normalisation ∂ℓ/∂pᵢ = (gᵢ − Σⱼ gⱼqⱼ) / Σₖpₖ.
/// Logits path: ℓ = −Σⱼ yⱼ log softmax(x)ⱼ = (Σⱼ yⱼ)·LogSumExp(x) − Σⱼ yⱼxⱼ, gradient (Σⱼ yⱼ)·softmax(x) − y,
/// which is softmax(x) − y for a one-hot y.
/// </remarks>
internal static class CrossentropyKernels
{
    /// <summary>Keras's fuzz factor ε = 1e-7 used to clip probabilities.</summary>
    internal const double Epsilon = 1e-7;

    internal static T Value<T>(ReadOnlySpan<T> yTrue, int label, ReadOnlySpan<T> yPred, bool fromLogits)
        where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero, total = Sum(yPred), epsilon = T.CreateChecked(Epsilon);
        T logSumExp = fromLogits ? Ops.LogSumExpKernel(yPred) : T.Zero;
        for (int j = 0; j < yPred.Length; j++)
        {
            T y = Target(yTrue, label, j);
            if (y == T.Zero)
                continue; // 0 · log(anything) contributes nothing, even where the log would be −∞
            T logProbability = fromLogits
                ? yPred[j] - logSumExp
                : T.Log(T.Clamp(yPred[j] / total, epsilon, T.One - epsilon));
            sum -= y * logProbability;
        }
        return sum;
    }

    internal static void Gradient<T>(ReadOnlySpan<T> yTrue, int label, ReadOnlySpan<T> yPred, bool fromLogits,
        T scale, Span<T> destination)
        where T : IFloatingPointIeee754<T>
    {
        if (fromLogits)
            LogitsGradient(yTrue, label, yPred, scale, destination);
        else
            ProbabilityGradient(yTrue, label, yPred, scale, destination);
    }

    private static void LogitsGradient<T>(ReadOnlySpan<T> yTrue, int label, ReadOnlySpan<T> yPred, T scale,
        Span<T> destination)
        where T : IFloatingPointIeee754<T>
    {
        T targetSum = label >= 0 ? T.One : Sum(yTrue);
        Ops.SoftmaxKernel(yPred, destination);
        for (int j = 0; j < yPred.Length; j++)
            destination[j] = scale * (targetSum * destination[j] - Target(yTrue, label, j));
    }

    private static void ProbabilityGradient<T>(ReadOnlySpan<T> yTrue, int label, ReadOnlySpan<T> yPred, T scale,
        Span<T> destination)
        where T : IFloatingPointIeee754<T>
    {
        T total = Sum(yPred), epsilon = T.CreateChecked(Epsilon), dot = T.Zero;
        for (int j = 0; j < yPred.Length; j++)
        {
            T q = yPred[j] / total, y = Target(yTrue, label, j);
            bool inside = q >= epsilon && q <= T.One - epsilon;
            T g = inside && y != T.Zero ? -y / q : T.Zero;   // ∂ℓ/∂qⱼ, zero where the clip is active
            destination[j] = g;
            dot += g * q;
        }
        T factor = scale / total;
        for (int j = 0; j < yPred.Length; j++)
            destination[j] = factor * (destination[j] - dot);
    }

    private static T Target<T>(ReadOnlySpan<T> yTrue, int label, int j)
        where T : IFloatingPointIeee754<T> =>
        label >= 0 ? (j == label ? T.One : T.Zero) : yTrue[j];

    private static T Sum<T>(ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T> =>
        System.Numerics.Tensors.TensorPrimitives.Sum(x);
}
