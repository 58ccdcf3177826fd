using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>Keras's <c>"binary_crossentropy"</c>: lᵢ = mean over the last axis of −[y log p + (1 − y) log(1 − p)].</summary>
/// <remarks>
/// Probabilities are clipped to [ε, 1 − ε] (ε = 1e-7) as Keras does. With <c>fromLogits</c> the stable form
/// max(x, 0) − x·y + log(1 + e^−|x|) is used, which never overflows.
/// </remarks>
public sealed class BinaryCrossentropy(bool fromLogits = false) : Loss
{
    /// <summary>Whether yPred holds logits rather than probabilities.</summary>
    public bool FromLogits { get; } = fromLogits;

    /// <inheritdoc/>
    public override string Name => "binary_crossentropy";

    /// <inheritdoc/>
    protected override Tensor PerSample(Tensor yTrue, Tensor yPred)
    {
        if (FromLogits)
            return (yPred.clamp_min(0) - yPred * yTrue + (-yPred.abs()).exp().log1p()).mean([-1L]);
        var p = yPred.clamp(CategoricalCrossentropy.Epsilon, 1 - CategoricalCrossentropy.Epsilon);
        return (-(yTrue * p.log() + (1 - yTrue) * (1 - p).log())).mean([-1L]);
    }
}
