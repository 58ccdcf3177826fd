using System.Numerics.Tensors;

namespace NotebookMnist.Keras;

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
