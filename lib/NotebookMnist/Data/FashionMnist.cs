namespace NotebookMnist.Data;

/// <summary>Fashion-MNIST (Zalando): 60000 training and 10000 test images of 28×28 clothes in 10 classes.</summary>
/// <remarks>
/// d2l's replacement for MNIST ("MNIST is too simple"). Class names use d2l's spelling.
/// Introduced in notebooks/03-dataset.ipynb.
/// </remarks>
public static class FashionMnist
{
    /// <summary>The text label of each class index: t-shirt, trouser, pullover, dress, coat, sandal, shirt, sneaker, bag, ankle boot.</summary>
    public static IReadOnlyList<string> ClassNames => DatasetCatalog.FashionMnist.ClassNames;

    /// <summary>Loads both splits, verified, from the first source that has them, and says which.</summary>
    /// <param name="directory">A folder with the four IDX files (raw or .gz) to try first; null to skip.</param>
    /// <param name="log">Receives one line per source skipped and "using Fashion-MNIST from …"; default Console.WriteLine.</param>
    /// <remarks>
    /// Sources in order: <paramref name="directory"/>, the cache data/fashion-mnist/ (or $NOTEBOOK_MNIST_DATA/fashion-mnist/),
    /// Debian's /usr/share/datasets/fashion-mnist/ (package dataset-fashion-mnist, when installed and not hidden by
    /// NOTEBOOK_MNIST_NO_SYSTEM_DATA=1), the same package fetched with <c>apt-get download</c> and unpacked without root,
    /// the official download. Files from the last three are verified and copied into the cache.
    /// </remarks>
    /// <exception cref="FileNotFoundException">No source had the data; the message lists what was tried and how to fix it.</exception>
    public static DatasetSplits Load(string? directory = null, Action<string>? log = null) =>
        DatasetLoader.Load(DatasetCatalog.FashionMnist, DataSourceOptions.Default(directory, log));

    /// <summary>The text labels of class indices, like d2l's get_fashion_mnist_labels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A label is outside [0, 10).</exception>
    public static string[] GetTextLabels(IEnumerable<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return TextLabels(labels.Select(label => (long)label));
    }

    /// <summary>The text labels of class indices; the one lookup behind <see cref="GetTextLabels"/> and d2l's
    /// <c>get_fashion_mnist_labels</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A label is outside [0, 10); the message names its position.</exception>
    internal static string[] TextLabels(IEnumerable<long> labels) =>
        labels.Select((label, i) => label >= 0 && label < ClassNames.Count
            ? ClassNames[(int)label]
            : throw new ArgumentOutOfRangeException(
                nameof(labels), $"Expected labels in [0, {ClassNames.Count}). Received: labels[{i}]={label}.")).ToArray();
}
