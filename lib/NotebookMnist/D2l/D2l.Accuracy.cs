using TorchSharp;
using static TorchSharp.torch;
using static NotebookMnist.TensorText;

namespace NotebookMnist.D2l;

/// <summary>The helpers d2l saves with <c>#@save</c> (§3.5–3.6), in C# on TorchSharp, for the notebooks after 04 to reuse.</summary>
/// <remarks>Notebook 04 writes each of them in its own cells first; these copies behave the same (a test checks it).</remarks>
public static partial class D2l
{
    /// <summary>The number of correct predictions (d2l's <c>accuracy</c>), as a double.</summary>
    /// <param name="yHat">(n, classes) scores or probabilities (its argmax per row is the prediction), or (n) predicted classes.</param>
    /// <param name="y">(n) true class indices, int64.</param>
    /// <remarks>
    /// As d2l: <c>if len(y_hat.shape) &gt; 1 and y_hat.shape[1] &gt; 1: y_hat = y_hat.argmax(axis=1)</c>, then
    /// <c>cmp = y_hat.type(y.dtype) == y</c> and the sum of cmp. For ŷ = [[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]] and
    /// y = [0, 2] it is 1 (accuracy 1 / 2 = 0.5). Ties go to the first index.
    /// </remarks>
    /// <exception cref="ArgumentException">ŷ does not have one row per label.</exception>
    public static double Accuracy(Tensor yHat, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(yHat);
        ArgumentNullException.ThrowIfNull(y);
        if (y.dim() != 1 || yHat.dim() is < 1 or > 2 || yHat.shape[0] != y.shape[0])
            throw new ArgumentException(
                $"Expected `yHat` (n, classes) or (n) and `y` (n). Received: yHat shape={Shape(yHat)}, y shape={Shape(y)}.",
                nameof(yHat));
        using var scope = torch.NewDisposeScope();
        if (yHat.dim() > 1 && yHat.shape[1] > 1)
            yHat = yHat.argmax(1);
        else if (yHat.dim() > 1)
            yHat = yHat.reshape(-1);
        var cmp = yHat.to_type(y.dtype).eq(y);
        return cmp.to_type(y.dtype).sum().to_type(ScalarType.Float64).item<double>();
    }
}
