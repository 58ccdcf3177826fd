using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>Keras's <c>"huber"</c>: ½e² where |e| ≤ δ, else δ·|e| − ½δ², averaged over the last axis (e = yPred − yTrue).</summary>
public sealed class Huber : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="delta">Where the quadratic part turns linear, δ &gt; 0; Keras's default is 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">delta is not a positive finite number.</exception>
    public Huber(double delta = 1.0)
    {
        if (!(delta > 0) || double.IsInfinity(delta))
            throw new ArgumentOutOfRangeException(nameof(delta), $"Expected `delta` to be a positive number. Received: delta={delta}.");
        Delta = delta;
    }

    /// <summary>The threshold δ.</summary>
    public double Delta { get; }

    /// <inheritdoc/>
    public override string Name => "huber";

    /// <inheritdoc/>
    protected override Tensor PerSample(Tensor yTrue, Tensor yPred)
    {
        var error = yPred - yTrue;
        var absError = error.abs();
        var quadratic = 0.5 * error.square();
        var linear = Delta * absError - 0.5 * Delta * Delta;
        return where(absError <= Delta, quadratic, linear).mean([-1L]);
    }
}
