using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>A Keras loss on TorchSharp tensors: <c>loss.Call(yTrue, yPred)</c> is a scalar tensor that autograd differentiates.</summary>
/// <remarks>
/// Each subclass gives the per-sample losses lᵢ = ℓ(yTrueᵢ, yPredᵢ) (Keras's reduction "none", shape (batch));
/// <see cref="Call"/> returns their mean over the batch, L = (1/n) Σᵢ lᵢ, as Keras's default reduction does.
/// A string converts implicitly through <see cref="Losses.Get"/>, so <c>Compile(loss: "mse")</c> works.
/// Introduced in notebooks/02-losses.ipynb and notebooks/05-keras-mse-to-crossentropy.ipynb.
/// </remarks>
public abstract class Loss
{
    /// <summary>The Keras name, e.g. "categorical_crossentropy".</summary>
    public abstract string Name { get; }

    /// <summary>Whether the targets are integer class labels (batch) rather than rows shaped like the predictions.</summary>
    public virtual bool SparseTargets => false;

    /// <summary>The mean loss over the batch, a scalar tensor (float32 for float32 inputs).</summary>
    /// <param name="yTrue">Targets, shaped like <paramref name="yPred"/> (or int64 labels (batch) for sparse losses).</param>
    /// <param name="yPred">Predictions (batch, classes).</param>
    /// <exception cref="ArgumentException">The shapes do not fit; the message gives both.</exception>
    public Tensor Call(Tensor yTrue, Tensor yPred)
    {
        Validate(yTrue, yPred);
        using var scope = torch.NewDisposeScope();
        return PerSample(yTrue, yPred).mean().MoveToOuterDisposeScope();
    }

    /// <summary>The per-sample losses (batch), Keras's reduction "none".</summary>
    /// <exception cref="ArgumentException">The shapes do not fit; the message gives both.</exception>
    public Tensor CallPerSample(Tensor yTrue, Tensor yPred)
    {
        Validate(yTrue, yPred);
        return PerSample(yTrue, yPred);
    }

    /// <summary>The mean loss without the shape checks, for Fit's steps (checked once before training).</summary>
    internal virtual Tensor CallUnchecked(Tensor yTrue, Tensor yPred) => PerSample(yTrue, yPred).mean();

    /// <summary>The loss computed from the logits z of a softmax output layer, ŷ = softmax(z), or null when this loss
    /// has no such form. tf.keras does this for its cross-entropies (the softmax output keeps its logits as
    /// <c>_keras_logits</c>): log softmax(z) is exact where log ŷ would round ŷ to 0, and it is one fused torch op.</summary>
    /// <param name="yTrue">Targets, checked against ŷ's shape before training.</param>
    /// <param name="logits">The output layer's z (batch, classes), before its softmax.</param>
    /// <param name="mean">The batch mean (a scalar) rather than the per-sample losses (batch).</param>
    internal virtual Tensor? FromSoftmaxLogits(Tensor yTrue, Tensor logits, bool mean) => null;

    /// <summary>The per-sample losses (batch) for inputs that passed <see cref="Validate"/>.</summary>
    protected abstract Tensor PerSample(Tensor yTrue, Tensor yPred);

    /// <summary>Checks that <paramref name="yTrue"/> and <paramref name="yPred"/> fit this loss.</summary>
    /// <exception cref="ArgumentException">They do not; the message names both shapes.</exception>
    protected internal virtual void Validate(Tensor yTrue, Tensor yPred)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        if (!yTrue.shape.SequenceEqual(yPred.shape))
            throw new ArgumentException(
                $"Expected `yTrue` and `yPred` to have the same shape for loss '{Name}'. " +
                $"Received: yTrue.shape={Shape(yTrue)}, yPred.shape={Shape(yPred)}.", nameof(yTrue));
        if (yPred.dim() == 0)
            throw new ArgumentException($"Expected `yPred` to have at least one axis. Received: yPred.shape={Shape(yPred)}.", nameof(yPred));
    }

    /// <summary>Looks a loss up by its Keras name.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static implicit operator Loss(string name) => Losses.Get(name);

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>A shape as Keras prints it: (32, 10).</summary>
    internal static string Shape(Tensor t) =>
        t.dim() == 1 ? $"({t.shape[0]},)" : "(" + string.Join(", ", t.shape) + ")";
}
