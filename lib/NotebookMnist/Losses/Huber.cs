using System.Numerics;

namespace NotebookMnist;

/// <summary>Huber's robust loss (Keras "huber"): squared for small errors, linear for large ones; mean over classes, then over the batch.</summary>
/// <remarks>
/// With e = p − y: h(e) = ½e² if |e| ≤ δ, else δ(|e| − ½δ). Per sample lᵢ = (1/c) Σⱼ h(eᵢⱼ); L = (1/n) Σᵢ lᵢ.
/// Gradient (already divided by the batch size): ∂L/∂pᵢⱼ = clip(eᵢⱼ, −δ, δ) / (n·c): the error clipped to [−δ, δ].
/// Introduced in notebooks/02-losses.ipynb (the Huber panel, δ = 1).
/// </remarks>
public sealed class Huber : Loss
{
    /// <summary>Creates a Huber loss with threshold <paramref name="delta"/> (default 1) between the quadratic and linear parts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">delta is not a positive finite number.</exception>
    public Huber(float delta = 1f)
    {
        if (!(delta > 0f) || float.IsInfinity(delta))
            throw new ArgumentOutOfRangeException(
                nameof(delta), $"Expected `delta` to be a positive number. Received: delta={delta}.");
        Delta = delta;
    }

    /// <summary>The threshold δ where the loss turns from quadratic to linear.</summary>
    public float Delta { get; }

    /// <summary>"huber".</summary>
    public override string Name => "huber";

    private protected override T SampleValue<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred)
    {
        T delta = T.CreateChecked(Delta), half = T.CreateChecked(0.5);
        T sum = T.Zero;
        for (int j = 0; j < yPred.Length; j++)
        {
            T error = T.Abs(yPred[j] - yTrue[j]);
            sum += error <= delta ? half * error * error : delta * (error - half * delta);
        }
        return sum / T.CreateChecked(yPred.Length);
    }

    private protected override void SampleGradient<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, T scale, Span<T> destination)
    {
        T delta = T.CreateChecked(Delta);
        T factor = scale / T.CreateChecked(yPred.Length);
        for (int j = 0; j < yPred.Length; j++)
            destination[j] = factor * T.Clamp(yPred[j] - yTrue[j], -delta, delta);
    }
}
