using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>Keras's <c>"sparse_categorical_crossentropy"</c>: lᵢ = −log ŷᵢ,yᵢ for integer labels yᵢ (int64, shape (batch)).</summary>
/// <remarks>The same normalising and clipping (or log_softmax with <c>fromLogits</c>) as <see cref="CategoricalCrossentropy"/>.</remarks>
public sealed class SparseCategoricalCrossentropy(bool fromLogits = false) : Loss
{
    /// <summary>Whether yPred holds logits rather than probabilities.</summary>
    public bool FromLogits { get; } = fromLogits;

    /// <inheritdoc/>
    public override string Name => "sparse_categorical_crossentropy";

    /// <inheritdoc/>
    public override bool SparseTargets => true;

    /// <inheritdoc/>
    protected override Tensor PerSample(Tensor yTrue, Tensor yPred) =>
        -CategoricalCrossentropy.LogProbabilities(yPred, FromLogits)
            .gather(-1, yTrue.reshape(-1, 1)).squeeze(-1);

    /// <inheritdoc/>
    /// <remarks>−log softmax(z)[label]: torch's cross_entropy with class-index targets.</remarks>
    internal override Tensor? FromSoftmaxLogits(Tensor yTrue, Tensor logits, bool mean) =>
        FromLogits ? null : nn.functional.cross_entropy(logits, yTrue.reshape(-1), reduction: mean ? nn.Reduction.Mean : nn.Reduction.None);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">Labels are not int64, not one per row, or out of [0, classes).</exception>
    protected internal override void Validate(Tensor yTrue, Tensor yPred)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        if (yPred.dim() != 2)
            throw new ArgumentException($"Expected `yPred` of shape (batch, classes). Received: yPred.shape={Shape(yPred)}.", nameof(yPred));
        long n = yPred.shape[0], classes = yPred.shape[1];
        if (yTrue.dtype != ScalarType.Int64 || yTrue.numel() != n || yTrue.dim() > 2 || yTrue.dim() == 2 && yTrue.shape[1] != 1)
            throw new ArgumentException(
                $"Expected `yTrue` to be int64 class labels of shape ({n},) for loss '{Name}'. " +
                $"Received: yTrue.shape={Shape(yTrue)}, dtype={yTrue.dtype}.", nameof(yTrue));
        Labels.CheckRange(yTrue, classes, nameof(yTrue));
    }
}
