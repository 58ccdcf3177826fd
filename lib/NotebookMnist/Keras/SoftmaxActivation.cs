namespace NotebookMnist.Keras;

/// <summary>Row-wise softmax p = softmax(z) (<see cref="Ops.Softmax(Matrix, Matrix)"/>).</summary>
/// <remarks>
/// Backward is the Jacobian–vector product dL/dz = p ⊙ (g − Σⱼ pⱼ gⱼ) per row, with g = dL/dp
/// (<see cref="Ops.SoftmaxBackward(Matrix, Matrix, Matrix)"/>): exact for any loss on the probabilities (MSE through
/// softmax as in Keras; for cross-entropy it reduces to (p − y)/n).
/// </remarks>
public sealed class SoftmaxActivation : Activation
{
    /// <inheritdoc/>
    public override string Name => "softmax";

    /// <inheritdoc/>
    public override void Forward(Matrix z, Matrix destination) => Ops.Softmax(z, destination);

    /// <inheritdoc/>
    public override void Backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) => Ops.SoftmaxBackward(a, gradA, gradZ);
}
