namespace NotebookMnist.Keras;

/// <summary>Updates weights from their gradients, like a Keras optimizer's <c>apply_gradients</c>.</summary>
public interface IOptimizer
{
    /// <summary>The step size.</summary>
    double LearningRate { get; }

    /// <summary>Updates each variable in place from its gradient (same shape).</summary>
    void ApplyGradients(IReadOnlyList<(Matrix Gradient, Matrix Variable)> gradientsAndVariables);
}
