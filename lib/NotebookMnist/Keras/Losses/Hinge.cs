using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>Keras's <c>"hinge"</c>: lᵢ = mean over the last axis of max(1 − y·ŷ, 0), targets in {−1, 1} (0/1 targets become −1/1, as in Keras).</summary>
public sealed class Hinge : Loss
{
    /// <inheritdoc/>
    public override string Name => "hinge";

    /// <inheritdoc/>
    protected override Tensor PerSample(Tensor yTrue, Tensor yPred)
    {
        // Keras converts binary 0/1 labels to −1/1 when every target is 0 or 1.
        bool binary = ((yTrue == 0) | (yTrue == 1)).all().item<bool>();
        var y = binary ? 2 * yTrue - 1 : yTrue;
        return (1 - y * yPred).clamp_min(0).mean([-1L]);
    }
}
