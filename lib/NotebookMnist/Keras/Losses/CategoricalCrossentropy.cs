using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>Keras's <c>"categorical_crossentropy"</c>: lᵢ = −Σⱼ yTrueᵢⱼ log ŷᵢⱼ for one-hot (or soft) targets.</summary>
/// <remarks>
/// With probabilities (the default) each row of yPred is first divided by its sum and then clipped to
/// [ε, 1 − ε] with ε = 1e-7, as Keras does, so a zero probability costs −log 1e-7 ≈ 16.1 instead of infinity
/// (and the clipped entries get no gradient). With <c>fromLogits</c> the rows are logits and the loss uses
/// log_softmax, which is exact and stable.
/// </remarks>
public sealed class CategoricalCrossentropy(bool fromLogits = false) : Loss
{
    /// <summary>Keras's backend epsilon, the clipping bound.</summary>
    public const double Epsilon = 1e-7;

    /// <summary>Whether yPred holds logits rather than probabilities.</summary>
    public bool FromLogits { get; } = fromLogits;

    /// <inheritdoc/>
    public override string Name => "categorical_crossentropy";

    /// <inheritdoc/>
    protected override Tensor PerSample(Tensor yTrue, Tensor yPred) =>
        -(yTrue * LogProbabilities(yPred, FromLogits)).sum(-1);

    /// <inheritdoc/>
    /// <remarks>−Σⱼ yⱼ log softmax(z)ⱼ: torch's cross_entropy with probability targets.</remarks>
    internal override Tensor? FromSoftmaxLogits(Tensor yTrue, Tensor logits, bool mean) =>
        FromLogits ? null : nn.functional.cross_entropy(logits, yTrue, reduction: mean ? nn.Reduction.Mean : nn.Reduction.None);

    /// <summary>log ŷ: log_softmax of logits, or the log of the row-normalised probabilities clipped to [ε, 1 − ε].</summary>
    internal static Tensor LogProbabilities(Tensor yPred, bool fromLogits) =>
        fromLogits
            ? nn.functional.log_softmax(yPred, -1)
            : (yPred / yPred.sum(-1, keepdim: true)).clamp(Epsilon, 1 - Epsilon).log();
}
