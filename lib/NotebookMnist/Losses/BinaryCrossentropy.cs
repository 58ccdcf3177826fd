using System.Numerics;

namespace NotebookMnist;

/// <summary>Binary cross-entropy (Keras "binary_crossentropy"): per element −[y log p + (1 − y) log(1 − p)], mean over classes, then over the batch.</summary>
/// <remarks>
/// Every column is an independent yes/no target z ∈ [0, 1]. Per sample lᵢ = (1/c) Σⱼ b(zᵢⱼ, pᵢⱼ), L = (1/n) Σᵢ lᵢ;
/// the gradient is already divided by n (and by c).
/// Probability path (fromLogits = false), as Keras's NumPy backend: p is clipped to [1e-7, 1 − 1e-7], then
/// b = −[z log p + (1 − z) log(1 − p)]; gradient ∂b/∂p = (p − z) / (p(1 − p)) inside the clip, 0 where it is active.
/// Logits path (fromLogits = true), TensorFlow's sigmoid_cross_entropy_with_logits: for a logit x,
/// b = max(x, 0) − x·z + log(1 + exp(−|x|)), which never overflows; gradient ∂b/∂x = σ(x) − z.
/// </remarks>
public sealed class BinaryCrossentropy : Loss
{
    /// <summary>Creates the loss; with <paramref name="fromLogits"/> yPred holds logits rather than probabilities (default false).</summary>
    public BinaryCrossentropy(bool fromLogits = false) => FromLogits = fromLogits;

    /// <summary>True when yPred holds logits (the sigmoid is applied inside, stably).</summary>
    public bool FromLogits { get; }

    /// <summary>"binary_crossentropy".</summary>
    public override string Name => "binary_crossentropy";

    private protected override T SampleValue<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred)
    {
        T sum = T.Zero, epsilon = T.CreateChecked(CrossentropyKernels.Epsilon);
        for (int j = 0; j < yPred.Length; j++)
        {
            T z = yTrue[j], x = yPred[j];
            if (FromLogits)
            {
                sum += T.Max(x, T.Zero) - x * z + T.LogP1(T.Exp(-T.Abs(x)));
            }
            else
            {
                T p = T.Clamp(x, epsilon, T.One - epsilon);
                sum -= z * T.Log(p) + (T.One - z) * T.Log(T.One - p);
            }
        }
        return sum / T.CreateChecked(yPred.Length);
    }

    private protected override void SampleGradient<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, T scale, Span<T> destination)
    {
        T factor = scale / T.CreateChecked(yPred.Length), epsilon = T.CreateChecked(CrossentropyKernels.Epsilon);
        for (int j = 0; j < yPred.Length; j++)
        {
            T z = yTrue[j], x = yPred[j];
            T g = FromLogits ? StableSigmoid(x) - z
                : x >= epsilon && x <= T.One - epsilon ? (x - z) / (x * (T.One - x))
                : T.Zero; // the clip is active: no gradient flows, as with TensorFlow's clip_by_value
            destination[j] = factor * g;
        }
    }

    private static T StableSigmoid<T>(T x)
        where T : IFloatingPointIeee754<T>
    {
        // exp of a non-positive number only: 1/(1 + e^−x) for x ≥ 0, e^x/(1 + e^x) for x < 0.
        T e = T.Exp(-T.Abs(x));
        return x >= T.Zero ? T.One / (T.One + e) : e / (T.One + e);
    }
}
