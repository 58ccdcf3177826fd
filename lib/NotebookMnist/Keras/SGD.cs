using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>Plain stochastic gradient descent, Keras's <c>SGD(learning_rate)</c> without momentum: w ← w − lr·g.</summary>
/// <remarks>
/// Keras's example: a variable 1.0 with loss = variable (gradient 1.0) and learning rate 0.1 becomes 0.9 after one step.
/// Introduced in notebooks/05-keras-mse-to-crossentropy.ipynb.
/// </remarks>
public sealed class SGD
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">The step size lr &gt; 0; Keras's default is 0.01, the article uses 0.2.</param>
    /// <exception cref="ArgumentOutOfRangeException">learningRate is not a positive finite number (NaN included).</exception>
    public SGD(double learningRate = 0.01)
    {
        if (!(learningRate > 0) || double.IsInfinity(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate),
                $"Expected `learningRate` to be a positive number. Received: learningRate={learningRate}.");
        LearningRate = learningRate;
    }

    /// <summary>The step size.</summary>
    public double LearningRate { get; }

    /// <summary>w ← w − lr·w.grad for every parameter that has a gradient, in place under no_grad; then clears the gradients.</summary>
    public void Step(IEnumerable<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var noGrad = no_grad();
        foreach (var p in parameters)
        {
            var grad = p.grad;
            if (grad is null)
                continue;
            p.add_(grad, alpha: -LearningRate);
            grad.zero_();
        }
    }
}
