using System.Numerics;

namespace NotebookMnist;

/// <summary>Hinge loss (Keras "hinge"): mean over classes of max(0, 1 − y·p) for targets y = ±1, then mean over the batch.</summary>
/// <remarks>
/// Per sample lᵢ = (1/c) Σⱼ max(0, 1 − yᵢⱼpᵢⱼ), L = (1/n) Σᵢ lᵢ; the gradient is already divided by n (and by c):
/// ∂L/∂pᵢⱼ = −yᵢⱼ/(n·c) where 1 − yᵢⱼpᵢⱼ &gt; 0, else 0 (0 at the kink).
/// Targets should be −1 or +1. A target of exactly 0 is read as −1, so 0/1 labels work as in Keras (which converts
/// a tensor of 0s and 1s to ±1). Unlike Keras, the conversion is per element: a 0 is −1 even in a tensor that also
/// holds −1s (Keras would then leave the 0 as 0).
/// </remarks>
public sealed class Hinge : Loss
{
    /// <summary>"hinge".</summary>
    public override string Name => "hinge";

    private protected override T SampleValue<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred)
    {
        T sum = T.Zero;
        for (int j = 0; j < yPred.Length; j++)
            sum += T.Max(T.Zero, T.One - Sign(yTrue[j]) * yPred[j]);
        return sum / T.CreateChecked(yPred.Length);
    }

    private protected override void SampleGradient<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, T scale, Span<T> destination)
    {
        T factor = scale / T.CreateChecked(yPred.Length);
        for (int j = 0; j < yPred.Length; j++)
        {
            T y = Sign(yTrue[j]);
            destination[j] = T.One - y * yPred[j] > T.Zero ? -factor * y : T.Zero;
        }
    }

    /// <summary>A target of 0 means the negative class, −1.</summary>
    private static T Sign<T>(T y)
        where T : IFloatingPointIeee754<T> => y == T.Zero ? -T.One : y;
}
