namespace NotebookMnist.Keras;

/// <summary>An activation applied element by element, with its derivative: backward dL/dz = g ⊙ f′(z).</summary>
/// <remarks>
/// sigmoid σ(z) = 1 / (1 + e^−z) with σ′ = σ(1 − σ); relu max(z, 0) with derivative 1 where z &gt; 0, else 0;
/// tanh with derivative 1 − tanh²(z). Both functions are the library's <see cref="Ops"/>.
/// </remarks>
public sealed class ElementwiseActivation : Activation
{
    private readonly Func<Matrix, Matrix, Matrix> _function;
    private readonly Func<Matrix, Matrix, Matrix> _derivative;

    private ElementwiseActivation(string name, Func<Matrix, Matrix, Matrix> function, Func<Matrix, Matrix, Matrix> derivative)
    {
        Name = name;
        _function = function;
        _derivative = derivative;
    }

    /// <summary>The logistic sigmoid.</summary>
    public static ElementwiseActivation Sigmoid { get; } = new("sigmoid", Ops.Sigmoid, Ops.SigmoidDerivative);

    /// <summary>The rectified linear unit.</summary>
    public static ElementwiseActivation Relu { get; } = new("relu", Ops.Relu, Ops.ReluDerivative);

    /// <summary>The hyperbolic tangent.</summary>
    public static ElementwiseActivation Tanh { get; } = new("tanh", Ops.Tanh, Ops.TanhDerivative);

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override void Forward(Matrix z, Matrix destination) => _function(z, destination);

    /// <inheritdoc/>
    public override void Backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ)
    {
        _derivative(z, gradZ);                      // f′(z)
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
