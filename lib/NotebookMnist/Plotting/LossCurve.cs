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
    public static LossCurve FromLoss(ILoss loss, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        var yTrue = Matrix.FromRow(0f);
        return new LossCurve(
            name ?? loss.Name,
            yPred => loss.Call(yTrue, Matrix.FromRow((float)yPred)),
            yPred => loss.Gradient(yTrue, Matrix.FromRow((float)yPred))[0, 0]);
    }
}
