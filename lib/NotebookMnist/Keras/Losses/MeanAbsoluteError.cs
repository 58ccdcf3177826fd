using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>Keras's <c>"mae"</c>: lᵢ = mean over the last axis of |yTrue − yPred|.</summary>
public sealed class MeanAbsoluteError : Loss
{
    /// <inheritdoc/>
    public override string Name => "mean_absolute_error";

    /// <inheritdoc/>
    protected override Tensor PerSample(Tensor yTrue, Tensor yPred) => (yTrue - yPred).abs().mean([-1L]);
}
