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
}
