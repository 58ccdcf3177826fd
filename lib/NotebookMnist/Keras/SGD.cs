using System.Numerics.Tensors;

namespace NotebookMnist.Keras;

/// <summary>Plain stochastic gradient descent, Keras's <c>SGD(learning_rate)</c> without momentum: w ← w − lr·g.</summary>
/// <remarks>
/// Keras's example: a variable 1.0 with loss = variable (gradient 1.0) and learning rate 0.1 becomes 0.9 after one step.
/// Introduced in notebooks/05-keras-mse-to-crossentropy.ipynb.
/// </remarks>
public sealed class SGD : IElementwiseOptimizer
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">The step size lr &gt; 0; Keras's default is 0.01, the article uses 0.2.</param>
    /// <exception cref="ArgumentOutOfRangeException">learningRate is not a positive finite number.</exception>
    public SGD(double learningRate = 0.01)
    {
        if (!(learningRate > 0) || double.IsInfinity(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate),
                $"Expected `learningRate` to be a positive number. Received: learningRate={learningRate}.");
        LearningRate = learningRate;
    }

    /// <inheritdoc/>
    public double LearningRate { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A gradient's shape differs from its variable's.</exception>
    public void ApplyGradients(IReadOnlyList<(Matrix Gradient, Matrix Variable)> gradientsAndVariables)
    {
        ArgumentNullException.ThrowIfNull(gradientsAndVariables);
        for (int i = 0; i < gradientsAndVariables.Count; i++)
        {
            var (gradient, variable) = gradientsAndVariables[i];
            if (gradient.Rows != variable.Rows || gradient.Cols != variable.Cols)
                throw new ArgumentException(
                    $"Expected gradient {i} to have the variable's shape {variable.ShapeText}. Received: {gradient.ShapeText}.",
                    nameof(gradientsAndVariables));
            Apply(gradient.AsSpan(), variable.AsSpan());
        }
    }

    /// <inheritdoc/>
    void IElementwiseOptimizer.Apply(ReadOnlySpan<float> gradient, Span<float> variable) => Apply(gradient, variable);

    /// <summary>w ← w + (−lr)·g, element by element.</summary>
    private void Apply(ReadOnlySpan<float> gradient, Span<float> variable) =>
        TensorPrimitives.MultiplyAdd(gradient, -(float)LearningRate, variable, variable);
}
