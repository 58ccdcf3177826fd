using System.Numerics.Tensors;

namespace NotebookMnist.Keras;

/// <summary>The Keras activations by name: softmax, sigmoid, relu, tanh, linear (also null or "" for linear).</summary>
public static class Activations
{
    private static readonly Dictionary<string, Func<Activation>> Known = new(StringComparer.Ordinal)
    {
        ["softmax"] = () => new SoftmaxActivation(),
        ["sigmoid"] = () => new SigmoidActivation(),
        ["relu"] = () => new ReluActivation(),
        ["tanh"] = () => new TanhActivation(),
        ["linear"] = () => new LinearActivation(),
    };

    /// <summary>The names <see cref="Get"/> accepts.</summary>
    public static IReadOnlyCollection<string> Names => Known.Keys;

    /// <summary>A new activation for a Keras name; null or "" means linear, as in Keras.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static Activation Get(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return new LinearActivation();
        if (Known.TryGetValue(name, out var create))
            return create();
        throw new ArgumentException(
            $"Unknown activation: '{name}'. Expected one of [{string.Join(", ", Known.Keys)}]. Received: activation=\"{name}\".",
            "activation");
    }
}

/// <summary>Row-wise softmax p = softmax(z) (<see cref="Ops.Softmax(Matrix, Matrix)"/>).</summary>
/// <remarks>
/// Backward is the Jacobian–vector product dL/dz = p ⊙ (g − Σⱼ pⱼ gⱼ) per row, with g = dL/dp: exact for any loss on
/// the probabilities (MSE through softmax as in Keras; for cross-entropy it reduces to (p − y)/n).
/// </remarks>
public sealed class SoftmaxActivation : Activation
{
    /// <inheritdoc/>
    public override string Name => "softmax";

    /// <inheritdoc/>
    public override void Forward(Matrix z, Matrix destination) => Ops.Softmax(z, destination);

    /// <inheritdoc/>
    public override void Backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ)
    {
        int cols = a.Cols;
        float[] p = a.Data, g = gradA.Data, d = gradZ.Data;
        for (int r = 0; r < a.Rows; r++)
        {
            var pr = p.AsSpan(r * cols, cols);
            var gr = g.AsSpan(r * cols, cols);
            float dot = TensorPrimitives.Dot<float>(pr, gr);
            var dr = d.AsSpan(r * cols, cols);
            TensorPrimitives.Subtract(gr, dot, dr);   // g − Σ p·g
            TensorPrimitives.Multiply(dr, pr, dr);    // p ⊙ (…)
        }
    }
}

/// <summary>Logistic sigmoid σ(z) = 1 / (1 + e^−z); backward dL/dz = g ⊙ σ(z)(1 − σ(z)).</summary>
public sealed class SigmoidActivation : Activation
{
    /// <inheritdoc/>
    public override string Name => "sigmoid";

    /// <inheritdoc/>
    public override void Forward(Matrix z, Matrix destination) => Ops.Sigmoid(z, destination);

    /// <inheritdoc/>
    public override void Backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ)
    {
        Ops.SigmoidDerivative(z, gradZ);               // f′(z)
        Ops.Multiply(gradZ, gradA, gradZ);          // g ⊙ f′(z)
    }
}

/// <summary>Rectified linear unit max(z, 0); backward dL/dz = g where z &gt; 0, else 0.</summary>
public sealed class ReluActivation : Activation
{
    /// <inheritdoc/>
    public override string Name => "relu";

    /// <inheritdoc/>
    public override void Forward(Matrix z, Matrix destination) => Ops.Relu(z, destination);

    /// <inheritdoc/>
    public override void Backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ)
    {
        Ops.ReluDerivative(z, gradZ);               // f′(z)
        Ops.Multiply(gradZ, gradA, gradZ);          // g ⊙ f′(z)
    }
}

/// <summary>Hyperbolic tangent; backward dL/dz = g ⊙ (1 − tanh²(z)).</summary>
public sealed class TanhActivation : Activation
{
    /// <inheritdoc/>
    public override string Name => "tanh";

    /// <inheritdoc/>
    public override void Forward(Matrix z, Matrix destination) => Ops.Tanh(z, destination);

    /// <inheritdoc/>
    public override void Backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ)
    {
        Ops.TanhDerivative(z, gradZ);               // f′(z)
        Ops.Multiply(gradZ, gradA, gradZ);          // g ⊙ f′(z)
    }
}

/// <summary>The identity a = z (Keras's "linear", the Dense default); backward passes g through.</summary>
public sealed class LinearActivation : Activation
{
    /// <inheritdoc/>
    public override string Name => "linear";

    /// <inheritdoc/>
    public override void Forward(Matrix z, Matrix destination) => z.AsSpan().CopyTo(destination.AsSpan());

    /// <inheritdoc/>
    public override void Backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) =>
        gradA.AsSpan().CopyTo(gradZ.AsSpan());
}
