using System.Numerics;

namespace NotebookMnist;

/// <summary>Mean squared error (Keras "mse"): the mean over classes of (yPred − yTrue)², then the mean over the batch.</summary>
/// <remarks>
/// Per sample lᵢ = (1/c) Σⱼ (pᵢⱼ − yᵢⱼ)²; the loss is L = (1/n) Σᵢ lᵢ over n samples of c classes.
/// Gradient (already divided by the batch size): ∂L/∂pᵢⱼ = 2 (pᵢⱼ − yᵢⱼ) / (n·c).
/// Keras's MSE averages over the class axis too, so it is c times smaller than the "sum over classes" squared loss.
/// Introduced in notebooks/02-losses.ipynb; the loss of the first Keras MNIST experiment.
/// </remarks>
public sealed class MeanSquaredError : Loss
{
    /// <summary>"mean_squared_error".</summary>
    public override string Name => "mean_squared_error";

    private protected override T SampleValue<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred)
    {
        T sum = T.Zero;
        for (int j = 0; j < yPred.Length; j++)
        {
            T error = yPred[j] - yTrue[j];
            sum += error * error;
        }
        return sum / T.CreateChecked(yPred.Length);
    }

    private protected override void SampleGradient<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, T scale, Span<T> destination)
    {
        T factor = T.CreateChecked(2) * scale / T.CreateChecked(yPred.Length);
        for (int j = 0; j < yPred.Length; j++)
            destination[j] = factor * (yPred[j] - yTrue[j]);
    }
}
