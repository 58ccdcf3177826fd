using NotebookMnist.Data;

namespace NotebookMnist.Scratch;

public static partial class D2l
{
    /// <summary>True and predicted labels of the first <paramref name="n"/> examples of the first batch (d2l's <c>predict_ch3</c>).</summary>
    /// <remarks>Turn them into text with <c>FashionMnist.GetTextLabels</c>, and show the images with the plotting helpers.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">n is not positive.</exception>
    public static (int[] True, int[] Predicted) Predict(SoftmaxRegression net, IEnumerable<Batch> testIter, int n = 6)
    {
        ArgumentNullException.ThrowIfNull(testIter);
        foreach (var batch in testIter)
            return Predict(net, batch.X, batch.Labels, n);
        throw new ArgumentException("Expected at least one batch. Received: an empty iterator.", nameof(testIter));
    }

    /// <summary>True and predicted labels of the first <paramref name="n"/> rows of <paramref name="images"/> (n, 784).</summary>
    /// <exception cref="ArgumentException">images and labels differ in length, or n is not positive.</exception>
    public static (int[] True, int[] Predicted) Predict(SoftmaxRegression net, Matrix images, int[] labels, int n = 6)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (n <= 0)
            throw new ArgumentOutOfRangeException(nameof(n), $"Expected `n` to be a positive integer. Received: n={n}.");
        if (images.Rows != labels.Length)
            throw new ArgumentException(
                $"Expected one label per image. Received: images.shape={images.ShapeText}, labels.Length={labels.Length}.", nameof(labels));
        n = Math.Min(n, images.Rows);
        var first = new Matrix(n, images.Cols, images.Data.AsSpan(0, n * images.Cols).ToArray());
        return (labels[..n], Ops.ArgMax(net.Net(first)));
    }
}
