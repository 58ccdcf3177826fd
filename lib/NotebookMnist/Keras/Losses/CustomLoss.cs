using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>A loss from a lambda, like passing a Python function to Keras's <c>compile(loss=…)</c>.</summary>
/// <remarks>
/// The function gets (yTrue, yPred) and returns per-sample losses (batch) or a scalar; the mean is taken either
/// way. Any torch ops may be used: autograd differentiates them.
/// <c>new CustomLoss("half_mse", (y, p) => 0.5 * (y - p).square().mean([-1L]))</c>.
/// </remarks>
public sealed class CustomLoss : Loss
{
    private readonly Func<Tensor, Tensor, Tensor> _function;

    /// <summary>Creates the loss.</summary>
    /// <param name="name">The name History and the progress bar use.</param>
    /// <param name="function">(yTrue, yPred) → per-sample losses (batch) or a scalar.</param>
    /// <exception cref="ArgumentException">name is empty.</exception>
    public CustomLoss(string name, Func<Tensor, Tensor, Tensor> function)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(function);
        Name = name;
        _function = function;
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    protected override Tensor PerSample(Tensor yTrue, Tensor yPred)
    {
        var result = _function(yTrue, yPred) ?? throw new InvalidOperationException(
            $"Expected the custom loss '{Name}' to return a tensor. Received: null.");
        long n = yPred.dim() > 0 ? yPred.shape[0] : 1;
        if (result.dim() > 1 || result.dim() == 1 && result.shape[0] != n)
            throw new InvalidOperationException(
                $"Expected the custom loss '{Name}' to return per-sample losses ({n},) or a scalar. Received: shape={Shape(result)}.");
        return result;
    }
}
