namespace NotebookMnist.Plotting;

/// <summary>One panel of <see cref="Plot.PlotLosses(LossCurve[])"/>: a loss l(0, y′) and its gradient ∂l/∂y′ as functions of the prediction y′.</summary>
/// <param name="Name">The panel title, e.g. "L2 loss".</param>
/// <param name="Loss">y′ ↦ l(y = 0, y′).</param>
/// <param name="Gradient">y′ ↦ ∂l/∂y′ at y = 0.</param>
public sealed record LossCurve(string Name, Func<double, double> Loss, Func<double, double> Gradient)
{
    /// <summary>A panel drawn from a library loss: its value and gradient on a 1×1 batch with y = 0.</summary>
    /// <remarks>
    /// Keras's <c>MeanSquaredError</c> is (y − y′)², twice the lecture's ½(y − y′)², so its curves are twice as tall.
    /// </remarks>
    public static LossCurve FromLoss(NotebookMnist.Keras.Loss loss, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return new LossCurve(name ?? loss.Name, yPred => At(loss, yPred).Value, yPred => At(loss, yPred).Gradient);
    }

    /// <summary>The loss on a 1×1 batch with y = 0 at <paramref name="yPred"/>, and its gradient from autograd.</summary>
    private static (double Value, double Gradient) At(NotebookMnist.Keras.Loss loss, double yPred)
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        var yTrue = TorchSharp.torch.zeros(1, 1);
        var p = TorchSharp.torch.full(1, 1, (float)yPred).requires_grad_(true);
        var value = loss.Call(yTrue, p);
        value.backward();
        return (value.item<float>(), p.grad!.item<float>());
    }
}
