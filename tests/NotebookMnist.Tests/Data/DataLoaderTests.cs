using NotebookMnist.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Tests.Data;

public class DataLoaderTests
{
    /// <summary>n images of 2×3 whose pixels are (i·7 + k) mod 256 and whose label is i mod 10: image i is recognisable from either.</summary>
    private static LabeledImages Numbered(int n)
    {
        var pixels = new byte[n * 6];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)((i / 6) * 7 + i % 6);
        var labels = Enumerable.Range(0, n).Select(i => (long)(i % 10)).ToArray();
        return new LabeledImages(torch.tensor(pixels, [n, 2, 3]), torch.tensor(labels), FashionMnist.ClassNames);
    }

    /// <summary>The example index of each row of X (its first pixel is i·7 mod 256, unique for n ≤ 36).</summary>
    private static long[] RowsOf(Tensor X) =>
        (X[.., 0, 0, 0] * 255f).round().to_type(ScalarType.Int64).data<long>().Select(p => p / 7).ToArray();

    [Fact]
    public void Batches_ShapesAndDtypes_LastPartialBatchKept()
    {
        var loader = new DataLoader(Numbered(10), batchSize: 4);

        var batches = loader.Select(b => $"X ({string.Join(", ", b.X.shape)}) {b.X.dtype}, y ({string.Join(", ", b.y.shape)}) {b.y.dtype}").ToList();

        Assert.Equal(3, loader.BatchCount);
        Assert.Equal(["X (4, 1, 2, 3) Float32, y (4) Int64", "X (4, 1, 2, 3) Float32, y (4) Int64", "X (2, 1, 2, 3) Float32, y (2) Int64"], batches);
    }

    [Fact]
    public void Batches_Unshuffled_InOrderWithTheirLabels()
    {
        var order = new List<long>();
        var labels = new List<long>();
        foreach (var (X, y) in new DataLoader(Numbered(10), batchSize: 4))
        {
            order.AddRange(RowsOf(X));
            labels.AddRange(y.data<long>().ToArray());
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), order);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)(i % 10)), labels);
    }

    [Fact]
    public void Scaling_EveryByte_BitIdenticalToDivisionBy255f()
    {
        // All 256 byte values, one image of 16×16: X must be b / 255f exactly, as the float path of C# computes it.
        var bytes = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        var data = new LabeledImages(torch.tensor(bytes, [1, 16, 16]), torch.tensor(new long[] { 3 }), FashionMnist.ClassNames);

        var (X, _) = new DataLoader(data, batchSize: 1).First();   // First: a loop that runs to its end disposes its last batch

        var expected = bytes.Select(b => BitConverter.SingleToInt32Bits(b / 255f)).ToArray();
        Assert.Equal(expected, X.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits).ToArray());
        Assert.Equal(1f, X.max().item<float>());
    }

    [Fact]
    public void Shuffle_SameSeed_SameOrders_EpochsDiffer_EachExampleOnce()
    {
        var data = Numbered(30);
        List<long[]> Epochs(DataLoader loader) =>
            Enumerable.Range(0, 3).Select(_ => loader.SelectMany(b => RowsOf(b.X)).ToArray()).ToList();

        var first = Epochs(new DataLoader(data, batchSize: 8, shuffle: true, seed: 42));
        var again = Epochs(new DataLoader(data, batchSize: 8, shuffle: true, seed: 42));
        var other = Epochs(new DataLoader(data, batchSize: 8, shuffle: true, seed: 43));

        Assert.Equal(first, again);
        Assert.NotEqual(first[0], first[1]);
        Assert.NotEqual(first[0], other[0]);
        Assert.All(first, epoch => Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), epoch.Order()));
        Assert.NotEqual(Enumerable.Range(0, 30).Select(i => (long)i), first[0]);
    }

    [Fact]
    public void Shuffle_LabelsFollowTheirImages()
    {
        foreach (var (X, y) in new DataLoader(Numbered(30), batchSize: 7, shuffle: true, seed: 1))
            Assert.Equal(RowsOf(X).Select(i => i % 10), y.data<long>().ToArray());
    }

    [Fact]
    public void Resize_BilinearTo64_ShapeDtypeAndRange()
    {
        var data = new LabeledImages(torch.randint(0, 256, [5, 28, 28], dtype: ScalarType.Byte),
            torch.tensor(new long[] { 0, 1, 2, 3, 4 }), FashionMnist.ClassNames);

        var (X, y) = new DataLoader(data, batchSize: 4, resize: 64).First();

        Assert.Equal(new long[] { 4, 1, 64, 64 }, X.shape);
        Assert.Equal(ScalarType.Float32, X.dtype);
        Assert.Equal(new long[] { 4 }, y.shape);
        Assert.True(X.min().item<float>() >= 0 && X.max().item<float>() <= 1);
    }

    [Fact]
    public void Resize_ConstantImage_StaysConstant_AndInterpolatesBetweenNeighbours()
    {
        // A 1×2 image [0, 255] resized to 2×4 (align_corners = false): columns sample x = −0.25, 0.25, 0.75, 1.25,
        // clamped to [0, 1], so the row is [0, 0.25, 0.75, 1] of the way from 0 to 1.
        var data = new LabeledImages(torch.tensor(new byte[] { 0, 255, 9, 9 }, [2, 1, 2]), torch.tensor(new long[] { 0, 1 }), ["a", "b"]);

        var (X, _) = new DataLoader(data, batchSize: 2, resize: 4).First();

        Assert.Equal(new[] { 0f, 0.25f, 0.75f, 1f }, X[0, 0, 0].data<float>().ToArray());
        Assert.All(X[1].data<float>().ToArray(), v => Assert.Equal(9 / 255f, v, 6));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_NonPositiveBatchSize_ThrowsNamingIt(int batchSize)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(Numbered(3), batchSize));

        Assert.StartsWith($"Expected `batchSize` to be a positive integer. Received: batchSize={batchSize}.", e.Message);
        Assert.Equal("batchSize", e.ParamName);
    }

    [Fact]
    public void Constructor_EmptyDataset_ThrowsNamingIt()
    {
        var empty = new LabeledImages(torch.zeros([0, 28, 28], ScalarType.Byte), torch.zeros([0], ScalarType.Int64), FashionMnist.ClassNames);

        var e = Assert.Throws<ArgumentException>(() => new DataLoader(empty, 256));

        Assert.StartsWith("Expected `dataset` with at least one example. Received: dataset with 0 images", e.Message);
        Assert.Equal("dataset", e.ParamName);
    }

    [Fact]
    public void Constructor_NonPositiveResize_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(Numbered(3), 2, resize: 0));

        Assert.StartsWith("Expected `resize` to be a positive integer or null. Received: resize=0.", e.Message);
    }

    [Fact]
    public void Epoch_BatchesAreDisposedAsTheLoopMovesOn_TheOneBrokenOutWithIsKept()
    {
        var loader = new DataLoader(Numbered(10), batchSize: 4);
        var seen = new List<Tensor>();
        foreach (var (X, _) in loader) seen.Add(X);
        Assert.All(seen, X => Assert.True(X.IsInvalid));

        Tensor kept = null!;
        foreach (var (X, _) in loader) { kept = X; break; }
        Assert.False(kept.IsInvalid);
        Assert.Equal(new long[] { 4, 1, 2, 3 }, kept.shape);
    }
}
