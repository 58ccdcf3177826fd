using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>Keras's <c>"mse"</c>: lᵢ = mean over the last axis of (yTrue − yPred)², then the mean over the batch.</summary>
/// <remarks>Twice the lecture's ½(y − ŷ)², so its gradient is 2(ŷ − y)/(classes·batch).</remarks>
public sealed class MeanSquaredError : Loss
{
    /// <inheritdoc/>
    public override string Name => "mean_squared_error";

    /// <inheritdoc/>
    protected override Tensor PerSample(Tensor yTrue, Tensor yPred) => (yTrue - yPred).square().mean([-1L]);

    /// <inheritdoc/>
    /// <remarks>Every sample has the same number of outputs, so the mean of the per-sample means is the mean over all
    /// entries: torch's mse_loss, one fused op.</remarks>
    internal override Tensor CallUnchecked(Tensor yTrue, Tensor yPred) =>
        yPred.dim() == 0 ? base.CallUnchecked(yTrue, yPred) : nn.functional.mse_loss(yPred, yTrue, nn.Reduction.Mean);
}
