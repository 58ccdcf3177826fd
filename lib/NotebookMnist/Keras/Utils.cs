using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>Keras's <c>keras.utils</c>: <see cref="ToCategorical"/>.</summary>
public static class Utils
{
    /// <summary>One-hot rows for integer labels, as Keras's <c>to_categorical(y, num_classes)</c>: float32 (n, numClasses).</summary>
    /// <param name="labels">Integer class labels (n), e.g. MNIST's int64 labels.</param>
    /// <param name="numClasses">The number of classes; labels must lie in [0, numClasses).</param>
    /// <exception cref="ArgumentException">A label is out of range, or labels are not integers.</exception>
    public static Tensor ToCategorical(Tensor labels, int numClasses)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (numClasses <= 0)
            throw new ArgumentOutOfRangeException(nameof(numClasses),
                $"Expected `numClasses` to be a positive integer. Received: numClasses={numClasses}.");
        if (labels.dtype is not (ScalarType.Int64 or ScalarType.Int32 or ScalarType.Int16 or ScalarType.Int8 or ScalarType.Byte))
            throw new ArgumentException(
                $"Expected `labels` to hold integer class labels. Received: dtype={labels.dtype}.", nameof(labels));
        Labels.CheckRange(labels, numClasses, nameof(labels));
        using var scope = NewDisposeScope();
        return nn.functional.one_hot(labels.to(ScalarType.Int64).reshape(-1), numClasses)
            .to(ScalarType.Float32).MoveToOuterDisposeScope();
    }
}
