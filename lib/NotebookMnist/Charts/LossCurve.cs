using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Charts;

/// <summary>One panel of <see cref="Plot.PlotLosses(LossCurve[])"/>: a loss l(0, y′) and its gradient ∂l/∂y′ as functions of the prediction y′.</summary>
/// <param name="Name">The panel title, e.g. "L2 loss".</param>
/// <param name="Loss">y′ ↦ l(y = 0, y′).</param>
/// <param name="Gradient">y′ ↦ ∂l/∂y′ at y = 0.</param>
public sealed record LossCurve(string Name, Func<double, double> Loss, Func<double, double> Gradient)
{
    /// <summary>A panel whose gradient comes from torch's autograd: <paramref name="loss"/> maps a float64 scalar y′ to l(0, y′).</summary>
    /// <remarks>For example <c>LossCurve.FromTorch("Huber loss", y =&gt; nn.functional.huber_loss(y, zeros_like(y)))</c>.</remarks>
    public static LossCurve FromTorch(string name, Func<Tensor, Tensor> loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return new LossCurve(name, y => Evaluate(loss, y).Value, y => Evaluate(loss, y).Gradient);
    }

    private static (double Value, double Gradient) Evaluate(Func<Tensor, Tensor> loss, double yPred)
    {
        using var scope = NewDisposeScope();
        var y = tensor(yPred, ScalarType.Float64, requires_grad: true);
        var l = loss(y);
        l.backward();
        return (l.item<double>(), y.grad is { } g ? g.item<double>() : 0);
    }
}
