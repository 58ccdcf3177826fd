using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>Keras's <c>"categorical_hinge"</c>: lᵢ = max(neg − pos + 1, 0), pos = Σ y·ŷ, neg = max over the row of (1 − y)·ŷ.</summary>
public sealed class CategoricalHinge : Loss
{
    /// <inheritdoc/>
    public override string Name => "categorical_hinge";

    /// <inheritdoc/>
    protected override Tensor PerSample(Tensor yTrue, Tensor yPred)
    {
        var pos = (yTrue * yPred).sum(-1);
        var neg = ((1 - yTrue) * yPred).amax([-1L]);
        return (neg - pos + 1).clamp_min(0);
    }
}
