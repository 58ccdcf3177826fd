using System.Numerics;

namespace NotebookMnist;

/// <summary>Categorical hinge (Keras "categorical_hinge"): max(0, neg − pos + 1) per sample, mean over the batch.</summary>
/// <remarks>
/// For a one-hot yTrue: pos = Σⱼ yⱼpⱼ (the score of the true class), neg = maxⱼ (1 − yⱼ)pⱼ (the best other score),
/// lᵢ = max(0, neg − pos + 1); L = (1/n) Σᵢ lᵢ. Gradient (already divided by n), where the margin is violated
/// (neg − pos + 1 &gt; 0): ∂L/∂pⱼ = ((1 − yⱼ)·[j = k] − yⱼ)/n with k the first index reaching the max in neg;
/// elsewhere 0.
/// </remarks>
public sealed class CategoricalHinge : Loss
{
    /// <summary>"categorical_hinge".</summary>
    public override string Name => "categorical_hinge";

    private protected override T SampleValue<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred)
    {
        (T margin, _) = Margin(yTrue, yPred);
        return T.Max(T.Zero, margin);
    }

    private protected override void SampleGradient<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, T scale, Span<T> destination)
    {
        (T margin, int k) = Margin(yTrue, yPred);
        bool active = margin > T.Zero;
        for (int j = 0; j < yPred.Length; j++)
            destination[j] = active ? scale * ((j == k ? T.One - yTrue[j] : T.Zero) - yTrue[j]) : T.Zero;
    }

    /// <summary>neg − pos + 1, and the index k where (1 − y)·p is largest.</summary>
    private static (T Margin, int K) Margin<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred)
        where T : IFloatingPointIeee754<T>
    {
        T pos = T.Zero, neg = T.NegativeInfinity;
        int k = 0;
        for (int j = 0; j < yPred.Length; j++)
        {
            pos += yTrue[j] * yPred[j];
            T other = (T.One - yTrue[j]) * yPred[j];
            if (other > neg)
            {
                neg = other;
                k = j;
            }
        }
        return (neg - pos + T.One, k);
    }
}
