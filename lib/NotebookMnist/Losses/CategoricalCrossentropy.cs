using System.Numerics;

namespace NotebookMnist;

/// <summary>Categorical cross-entropy (Keras "categorical_crossentropy"): −Σⱼ yⱼ log pⱼ per sample, mean over the batch.</summary>
/// <remarks>
/// yTrue is one-hot (or any distribution) and yPred is (batch, classes). Per sample lᵢ = −Σⱼ yᵢⱼ log ŷᵢⱼ;
/// the loss is L = (1/n) Σᵢ lᵢ, and the gradient is already divided by the batch size n.
/// Probability path (fromLogits = false), as Keras: each row is renormalised, q = p / Σₖpₖ, then clipped to
/// [1e-7, 1 − 1e-7] before the log, so a perfect one-hot prediction gives a finite loss (≈ 1e-7) and a zero gives
/// −log 1e-7 ≈ 16.1. Gradient: ∂L/∂pᵢⱼ = (1/n)(gᵢⱼ − Σₖ gᵢₖqᵢₖ)/Σₖpᵢₖ with gᵢⱼ = −yᵢⱼ/qᵢⱼ; it is zero where the
/// clip is active, as TensorFlow's clip_by_value gradient. After a softmax this chains to (p − y)/n.
/// Logits path (fromLogits = true): ŷ = softmax(x) via log-softmax, lᵢ = LogSumExp(xᵢ) − Σⱼ yᵢⱼxᵢⱼ for one-hot y,
/// gradient ∂L/∂xᵢⱼ = (softmax(xᵢ)ⱼ − yᵢⱼ)/n (times Σⱼyᵢⱼ on the softmax term if y is not normalised).
/// Introduced in notebooks/01-softmax.ipynb; the loss of the second Keras MNIST experiment.
/// </remarks>
public sealed class CategoricalCrossentropy : Loss
{
    /// <summary>Creates the loss; with <paramref name="fromLogits"/> yPred holds logits rather than probabilities (default false).</summary>
    public CategoricalCrossentropy(bool fromLogits = false) => FromLogits = fromLogits;

    /// <summary>True when yPred holds logits (the softmax is applied inside, stably).</summary>
    public bool FromLogits { get; }

    /// <summary>"categorical_crossentropy".</summary>
    public override string Name => "categorical_crossentropy";

    private protected override T SampleValue<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred) =>
        CrossentropyKernels.Value(yTrue, -1, yPred, FromLogits);

    private protected override void SampleGradient<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, T scale, Span<T> destination) =>
        CrossentropyKernels.Gradient(yTrue, -1, yPred, FromLogits, scale, destination);
}
