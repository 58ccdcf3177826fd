using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>Keras's <c>"accuracy"</c> metric on tensors: the fraction of predictions whose class matches the target.</summary>
/// <remarks>
/// Keras resolves "accuracy" by shape, and so does this class: one output column is binary accuracy (ŷ &gt; 0.5
/// against y), integer labels (batch) are sparse accuracy (argmax ŷ = y), and one-hot or soft rows are categorical
/// accuracy (argmax ŷ = argmax y). Ties in argmax go to the first maximum.
/// </remarks>
public static class Metrics
{
    /// <summary>The accuracy over the batch, a float32 scalar tensor.</summary>
    /// <param name="yTrue">Targets: one-hot rows (batch, classes), int64 labels (batch), or 0/1 values (batch, 1).</param>
    /// <param name="yPred">Predictions (batch, classes) or (batch, 1).</param>
    public static Tensor Accuracy(Tensor yTrue, Tensor yPred)
    {
        using var scope = NewDisposeScope();
        return Matches(yTrue, yPred).to(ScalarType.Float32).mean().MoveToOuterDisposeScope();
    }

    /// <summary>How many predictions in the batch are right (the numerator of <see cref="Accuracy"/>).</summary>
    public static long CorrectCount(Tensor yTrue, Tensor yPred)
    {
        using var scope = NewDisposeScope();
        return Matches(yTrue, yPred).sum().item<long>();
    }

    /// <summary>A bool tensor (batch): whether each prediction is right.</summary>
    internal static Tensor Matches(Tensor yTrue, Tensor yPred)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        if (yPred.dim() == 2 && yPred.shape[1] == 1)
            return (yPred.reshape(-1) > 0.5).eq(yTrue.reshape(-1) > 0.5);
        var predicted = yPred.argmax(-1);
        return yTrue.dim() == yPred.dim() && yTrue.shape[^1] == yPred.shape[^1]
            ? predicted.eq(yTrue.argmax(-1))
            : predicted.eq(yTrue.reshape(predicted.shape).to(ScalarType.Int64));
    }
}
