using System.Numerics;

namespace NotebookMnist;

/// <summary>Sparse categorical cross-entropy (Keras "sparse_categorical_crossentropy"): −log ŷ[label] per sample, mean over the batch.</summary>
/// <remarks>
/// yTrue is a (batch, 1) matrix of class indices (or an <c>int[]</c> of labels, see the overloads); yPred is
/// (batch, classes). It equals <see cref="CategoricalCrossentropy"/> with yTrue one-hot encoded, same clipping,
/// renormalisation and logits path: lᵢ = −log clip(ŷᵢ,labelᵢ), L = (1/n) Σᵢ lᵢ, gradient already divided by n.
/// The <c>int</c> label overloads copy the labels into a (batch, 1) column first (one small array per call).
/// This is d2l's cross_entropy: for ŷ = [[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]] and y = [0, 2] it gives [2.3026, 0.6931].
/// </remarks>
public sealed class SparseCategoricalCrossentropy : Loss
{
    /// <summary>Creates the loss; with <paramref name="fromLogits"/> yPred holds logits rather than probabilities (default false).</summary>
    public SparseCategoricalCrossentropy(bool fromLogits = false) => FromLogits = fromLogits;

    /// <summary>True when yPred holds logits (the softmax is applied inside, stably).</summary>
    public bool FromLogits { get; }

    /// <summary>"sparse_categorical_crossentropy".</summary>
    public override string Name => "sparse_categorical_crossentropy";

    /// <summary>The loss of each sample for integer <paramref name="labels"/>, length batch.</summary>
    /// <exception cref="ArgumentException">labels.Length ≠ yPred.Rows, or a label outside [0, classes).</exception>
    public float[] PerSample(ReadOnlySpan<int> labels, Matrix yPred) => PerSample(LabelColumn(labels, yPred), yPred);

    /// <summary>The mean loss over the batch for integer <paramref name="labels"/>.</summary>
    /// <exception cref="ArgumentException">labels.Length ≠ yPred.Rows, or a label outside [0, classes).</exception>
    public float Call(ReadOnlySpan<int> labels, Matrix yPred) => Call(LabelColumn(labels, yPred), yPred);

    /// <summary>Writes ∂L/∂yPred for integer <paramref name="labels"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">labels.Length ≠ yPred.Rows, a label outside [0, classes), or a destination of the wrong shape.</exception>
    public void Gradient(ReadOnlySpan<int> labels, Matrix yPred, Matrix destination) =>
        Gradient(LabelColumn(labels, yPred), yPred, destination);

    /// <summary>∂L/∂yPred for integer <paramref name="labels"/>, as a new matrix.</summary>
    /// <exception cref="ArgumentException">labels.Length ≠ yPred.Rows, or a label outside [0, classes).</exception>
    public Matrix Gradient(ReadOnlySpan<int> labels, Matrix yPred) => Gradient(LabelColumn(labels, yPred), yPred);

    private protected override int TrueCols(int classes) => 1;

    private protected override void ValidateTargets(Matrix yTrue, int classes)
    {
        for (int i = 0; i < yTrue.Rows; i++)
        {
            float label = yTrue.Data[i];
            if (!(label >= 0 && label < classes && label == MathF.Floor(label)))
                throw new ArgumentException(
                    $"{Name}: expected yTrue to hold class indices in [0, {classes}). Received: yTrue[{i}, 0]={label}.",
                    nameof(yTrue));
        }
    }

    private protected override T SampleValue<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred) =>
        CrossentropyKernels.Value(ReadOnlySpan<T>.Empty, int.CreateTruncating(yTrue[0]), yPred, FromLogits);

    private protected override void SampleGradient<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, T scale, Span<T> destination) =>
        CrossentropyKernels.Gradient(ReadOnlySpan<T>.Empty, int.CreateTruncating(yTrue[0]), yPred, FromLogits, scale, destination);

    private static Matrix LabelColumn(ReadOnlySpan<int> labels, Matrix yPred)
    {
        ArgumentNullException.ThrowIfNull(yPred);
        if (labels.Length != yPred.Rows)
            throw new ArgumentException(
                $"sparse_categorical_crossentropy: expected one label per row of yPred. " +
                $"Received: labels.Length={labels.Length}, yPred {yPred.ShapeText}.", nameof(labels));
        var column = new Matrix(labels.Length, 1);
        for (int i = 0; i < labels.Length; i++)
            column.Data[i] = labels[i];
        return column;
    }
}
