using System.Numerics;

namespace NotebookMnist;

/// <summary>Mean absolute error (Keras "mae", the L1 loss): the mean over classes of |yPred − yTrue|, then over the batch.</summary>
/// <remarks>
/// Per sample lᵢ = (1/c) Σⱼ |pᵢⱼ − yᵢⱼ|; the loss is L = (1/n) Σᵢ lᵢ.
/// Gradient (already divided by the batch size): ∂L/∂pᵢⱼ = sign(pᵢⱼ − yᵢⱼ) / (n·c), taking sign(0) = 0 at the kink.
/// Introduced in notebooks/02-losses.ipynb (the L1 panel).
/// </remarks>
public sealed class MeanAbsoluteError : Loss
{
    /// <summary>"mean_absolute_error".</summary>
    public override string Name => "mean_absolute_error";

    private protected override T SampleValue<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred)
    {
        T sum = T.Zero;
        for (int j = 0; j < yPred.Length; j++)
            sum += T.Abs(yPred[j] - yTrue[j]);
        return sum / T.CreateChecked(yPred.Length);
    }

    private protected override void SampleGradient<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, T scale, Span<T> destination)
    {
        T factor = scale / T.CreateChecked(yPred.Length);
        for (int j = 0; j < yPred.Length; j++)
        {
            T error = yPred[j] - yTrue[j];
            // sign(e), with sign(0) = 0; a NaN error stays NaN (T.Sign would throw).
            destination[j] = factor * (error > T.Zero ? T.One : error < T.Zero ? -T.One : error);
        }
    }
}
