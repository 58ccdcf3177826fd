using System.Numerics;
using System.Numerics.Tensors;

namespace NotebookMnist;

public static partial class Ops
{
    /// <summary>Back-propagates a gradient through a row-wise softmax: the vector–Jacobian product, a new matrix.</summary>
    /// <remarks>
    /// Given p = softmax(z) and g = ∂L/∂p, returns ∂L/∂z with rows pⱼ (gⱼ − Σₖ pₖgₖ), which is Jᵀg for the softmax
    /// Jacobian J = diag(p) − ppᵀ. Followed after categorical cross-entropy this gives (p − y)/n.
    /// </remarks>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Matrix SoftmaxBackward(Matrix probabilities, Matrix outputGradient) =>
        SoftmaxBackward(probabilities, outputGradient, Like(probabilities));

    /// <summary>Writes ∂L/∂z for p = softmax(z) and g = ∂L/∂p into <paramref name="destination"/> and returns it.</summary>
    /// <remarks><paramref name="destination"/> may be <paramref name="outputGradient"/> itself (in place).</remarks>
    /// <exception cref="ArgumentException">Shapes differ, or destination shares storage with probabilities.</exception>
    public static Matrix SoftmaxBackward(Matrix probabilities, Matrix outputGradient, Matrix destination)
    {
        CheckSameShape("SoftmaxBackward", probabilities, outputGradient, nameof(probabilities), nameof(outputGradient));
        CheckSameShape("SoftmaxBackward", probabilities, destination, nameof(probabilities), nameof(destination));
        CheckNotAliased("SoftmaxBackward", probabilities, nameof(probabilities), destination);
        for (int r = 0; r < probabilities.Rows; r++)
            SoftmaxBackwardKernel<float>(probabilities.Row(r), outputGradient.Row(r), destination.Row(r));
        return destination;
    }

    /// <summary>The softmax vector–Jacobian kernel for any IEEE floating type: destination = p ⊙ (g − p·g).</summary>
    internal static void SoftmaxBackwardKernel<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> g, Span<T> destination)
        where T : IFloatingPointIeee754<T>
    {
        T dot = TensorPrimitives.Dot(p, g);
        if (p.Length < NarrowRow)
        {
            for (int j = 0; j < p.Length; j++) destination[j] = (g[j] - dot) * p[j];
            return;
        }
        TensorPrimitives.Subtract(g, dot, destination);
        TensorPrimitives.Multiply(destination, p, destination);
    }
}
