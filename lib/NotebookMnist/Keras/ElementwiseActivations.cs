namespace NotebookMnist.Keras;

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
