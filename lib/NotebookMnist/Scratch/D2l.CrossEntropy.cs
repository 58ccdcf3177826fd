namespace NotebookMnist.Scratch;

/// <summary>d2l's from-scratch helpers (<c>cross_entropy</c>, <c>accuracy</c>, <c>sgd</c>, <c>train_ch3</c>, …) in .NET casing.</summary>
/// <remarks>
/// <c>using static NotebookMnist.Scratch.D2l;</c> lets a notebook call them as d2l does.
/// Introduced in notebooks/04-softmax-regression-scratch.ipynb.
/// </remarks>
public static partial class D2l
{
    private static readonly SparseCategoricalCrossentropy SparseCrossentropy = new();

    /// <summary>The cross-entropy of each sample, −log ŷᵢ,yᵢ (d2l's <c>cross_entropy(y_hat, y)</c>).</summary>
    /// <remarks>
    /// Computed by the library's <see cref="SparseCategoricalCrossentropy"/> (probabilities clipped to [1e-7, 1 − 1e-7]).
    /// d2l's worked example: ŷ = [[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]], y = [0, 2] gives [2.3026, 0.6931].
    /// </remarks>
    /// <param name="yHat">Predicted probabilities (n, classes).</param>
    /// <param name="y">The n true class indices.</param>
    public static float[] CrossEntropy(Matrix yHat, int[] y) => SparseCrossentropy.PerSample(y, yHat);

    /// <summary>The number of correct predictions, argmax ŷᵢ = yᵢ (d2l's <c>accuracy(y_hat, y)</c>, a count).</summary>
    /// <remarks>Divide by n for the fraction: d2l's example gives 1 of 2, so 0.5.</remarks>
    public static int Accuracy(Matrix yHat, int[] y) => Metrics.CorrectCount(yHat, y);
}
