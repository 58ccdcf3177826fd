using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.D2l;

public static partial class D2l
{
    /// <summary>Shows the first <paramref name="n"/> images of the first test batch titled "true\npredicted" (d2l's <c>predict_ch3</c>).</summary>
    /// <param name="net">The trained model: X (B, …) → ŷ (B, classes).</param>
    /// <param name="testIter">Test batches; only the first is used.</param>
    /// <param name="n">Images to show, 1 ≤ n ≤ the first batch's size (d2l uses 6).</param>
    /// <returns>The 1 × n image grid of <see cref="ShowImages"/>.</returns>
    /// <exception cref="ArgumentException">n is out of range or the iterator is empty.</exception>
    public static object PredictCh3(Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> testIter, int n = 6)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(testIter);
        if (n < 1)
            throw new ArgumentOutOfRangeException(nameof(n), $"Expected `n` to be a positive integer. Received: n={n}.");
        using var scope = torch.NewDisposeScope();
        using var batches = testIter.GetEnumerator();
        if (!batches.MoveNext())
            throw new ArgumentException("Expected `testIter` to yield at least one batch. Received: none.", nameof(testIter));
        var (X, y) = batches.Current;
        if (n > y.shape[0])
            throw new ArgumentOutOfRangeException(
                nameof(n), $"Expected `n` ≤ the first batch's size {y.shape[0]}. Received: n={n}.");
        string[] trues = GetFashionMnistLabels(y);
        string[] preds;
        using (torch.no_grad())
            preds = GetFashionMnistLabels(net(X).argmax(1));
        string[] titles = trues.Zip(preds, (t, p) => t + "\n" + p).Take(n).ToArray();
        var side = X.shape[^1];
        return ShowImages(X[..n].reshape(n, X.shape[^2], side), 1, n, titles);
    }
}
