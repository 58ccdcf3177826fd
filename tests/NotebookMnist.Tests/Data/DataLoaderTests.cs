using NotebookMnist.Data;

namespace NotebookMnist.Tests.Data;

public class DataLoaderTests
{
    /// <summary>(n, 2) rows [i, −i], so a batch row tells which example it is; labels i mod 3.</summary>
    private static (Matrix X, int[] Labels) Numbered(int n)
    {
        var x = new Matrix(n, 2);
        for (int i = 0; i < n; i++) (x[i, 0], x[i, 1]) = (i, -i);
        return (x, Enumerable.Range(0, n).Select(i => i % 3).ToArray());
    }

    private static List<int[]> Epoch(DataLoader loader) =>
        loader.Select(b => Enumerable.Range(0, b.Size).Select(r => (int)b.X[r, 0]).ToArray()).ToList();

    [Fact]
    public void Enumerate_TenRowsBatchFour_GivesBatchesOf442()
    {
        var (x, labels) = Numbered(10);
        var loader = new DataLoader(x, labels, batchSize: 4, seed: 1);
        Assert.Equal(3, loader.BatchCount);
        Assert.Equal(new[] { 4, 4, 2 }, loader.Select(b => b.Size).ToArray());
        Assert.Equal(new[] { 4, 4, 2 }, loader.Select(b => b.X.Rows).ToArray());
    }

    [Fact]
    public void Enumerate_EachEpoch_VisitsEveryRowOnceWithItsLabelAndRow()
    {
        var (x, labels) = Numbered(103);
        var loader = new DataLoader(x, labels, batchSize: 10, seed: 7);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var seen = new List<int>();
            foreach (Batch batch in loader)
                for (int r = 0; r < batch.Size; r++)
                {
                    int i = (int)batch.X[r, 0];
                    Assert.Equal(-i, batch.X[r, 1]);
                    Assert.Equal(i % 3, batch.Labels[r]);
                    seen.Add(i);
                }
            Assert.Equal(Enumerable.Range(0, 103), seen.Order());
        }
    }

    [Fact]
    public void Enumerate_SameSeed_SameOrderEveryEpochAndEpochsDiffer()
    {
        var (x, labels) = Numbered(50);
        var a = new DataLoader(x, labels, batchSize: 8, seed: 20230828);
        var b = new DataLoader(x, labels, batchSize: 8, seed: 20230828);
        var a1 = Epoch(a).SelectMany(r => r).ToArray();
        var a2 = Epoch(a).SelectMany(r => r).ToArray();
        Assert.Equal(a1, Epoch(b).SelectMany(r => r).ToArray());
        Assert.Equal(a2, Epoch(b).SelectMany(r => r).ToArray());
        Assert.NotEqual(a1, a2);
        Assert.NotEqual(Enumerable.Range(0, 50), a1);
    }

    [Fact]
    public void Enumerate_NoShuffle_KeepsOriginalOrder()
    {
        var (x, labels) = Numbered(7);
        var loader = new DataLoader(x, labels, batchSize: 3, shuffle: false);
        Assert.Equal(Enumerable.Range(0, 7), Epoch(loader).SelectMany(r => r));
    }

    [Fact]
    public void Enumerate_ReusesBatchObjectsAndBuffersAcrossBatchesAndEpochs()
    {
        var (x, labels) = Numbered(10);
        var loader = new DataLoader(x, labels, batchSize: 4, seed: 3, oneHotClasses: 3);
        var first = loader.Select(b => (b, b.X, b.Labels, b.Targets)).ToList();
        var second = loader.Select(b => (b, b.X, b.Labels, b.Targets)).ToList();
        Assert.Same(first[0].b, first[1].b);
        Assert.NotSame(first[0].b, first[2].b);         // the partial batch has its own, smaller buffers
        for (int i = 0; i < 3; i++)
        {
            Assert.Same(first[i].X, second[i].X);
            Assert.Same(first[i].Labels, second[i].Labels);
            Assert.Same(first[i].Targets, second[i].Targets);
        }
    }

    [Fact]
    public void Enumerate_SecondEpoch_AllocatesNothingPerBatch()
    {
        var (x, labels) = Numbered(2000);
        var loader = new DataLoader(x, labels, batchSize: 10, seed: 1, oneHotClasses: 3);
        foreach (var _ in loader) { }
        long before = GC.GetAllocatedBytesForCurrentThread();
        int batches = 0;
        foreach (var _ in loader) batches++;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(200, batches);
        Assert.True(allocated < 1024, $"allocated {allocated} bytes over {batches} batches");
    }

    [Fact]
    public void Enumerate_OneHot_TargetsMatchLabels()
    {
        var (x, labels) = Numbered(5);
        var loader = new DataLoader(x, labels, batchSize: 2, seed: 5, oneHotClasses: 4);
        foreach (Batch batch in loader)
            for (int r = 0; r < batch.Size; r++)
                for (int c = 0; c < 4; c++)
                    Assert.Equal(c == batch.Labels[r] ? 1f : 0f, batch.Targets![r, c]);
    }

    [Fact]
    public void Enumerate_ExplicitTargets_FollowTheirRows()
    {
        var (x, labels) = Numbered(9);
        var y = new Matrix(9, 1);
        for (int i = 0; i < 9; i++) y[i, 0] = 100 + i;
        var loader = new DataLoader(x, y, batchSize: 4, seed: 2, labels: labels);
        foreach (Batch batch in loader)
            for (int r = 0; r < batch.Size; r++)
            {
                Assert.Equal(100 + batch.X[r, 0], batch.Targets![r, 0]);
                Assert.Equal((int)batch.X[r, 0] % 3, batch.Labels[r]);
            }
        Assert.Empty(new DataLoader(x, y, batchSize: 4).First().Labels);
    }

    [Fact]
    public void Enumerate_BatchLargerThanData_OneBatchOfAllRows()
    {
        var (x, labels) = Numbered(3);
        Assert.Equal(new[] { 3 }, new DataLoader(x, labels, batchSize: 256).Select(b => b.Size).ToArray());
    }

    [Fact]
    public void Constructor_BadArguments_ThrowKerasStyleMessages()
    {
        var (x, labels) = Numbered(4);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(x, labels, batchSize: 0));
        Assert.StartsWith("Expected `batchSize` to be a positive integer. Received: batchSize=0.", e.Message);
        var l = Assert.Throws<ArgumentException>(() => new DataLoader(x, [0, 1, 2], batchSize: 2));
        Assert.StartsWith("Expected one label per row of x (4, 2). Received: labels.Length=3.", l.Message);
        var h = Assert.Throws<ArgumentException>(() => new DataLoader(x, [0, 1, 2, 3], batchSize: 2, oneHotClasses: 3));
        Assert.StartsWith("Expected labels in [0, 3) for one-hot targets. Received: labels[3]=3.", h.Message);
    }

    [Fact]
    public void Constructor_LabeledImagesWithOneHot_UsesItsClassCount()
    {
        var data = new LabeledImages(new Matrix(5, 4), [0, 1, 2, 1, 0], 2, 2, ["a", "b", "c"]);
        Batch batch = new DataLoader(data, batchSize: 5, oneHot: true).First();
        Assert.Equal((5, 3), batch.Targets!.Shape);
        Assert.Equal("Batch(X=(5, 4), Labels=5, Targets=(5, 3))", batch.ToString());
    }

    /// <summary>(n, 5×7) images whose values are pixels b / 255f, b = (31·i + 7·j) mod 256.</summary>
    private static LabeledImages PixelImages(int n)
    {
        var x = new Matrix(n, 35);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < 35; j++) x[i, j] = (byte)(31 * i + 7 * j) / 255f;
        return new LabeledImages(x, Enumerable.Range(0, n).Select(i => i % 3).ToArray(), 5, 7, ["a", "b", "c"]);
    }

    private static List<float[]> Batches(IEnumerable<Batch> loader) => loader.Select(b => b.X.AsSpan().ToArray()).ToList();

    [Fact]
    public void Enumerate_LabeledImagesOfPixels_SameBitsAsTheFloatRows()
    {
        var data = PixelImages(53);
        var fromImages = Batches(new DataLoader(data, batchSize: 8, seed: 3));
        var fromFloats = Batches(new DataLoader(data.Images, data.Labels, batchSize: 8, seed: 3));
        Assert.Equal(7, fromImages.Count);
        for (int b = 0; b < fromFloats.Count; b++)
            Assert.Equal(fromFloats[b].Select(BitConverter.SingleToInt32Bits), fromImages[b].Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Enumerate_LabeledImagesNotPixels_GathersTheFloats()
    {
        var data = PixelImages(20);
        data.Images[13, 34] = 0.3f;                      // not b / 255 for any byte b
        data.Images[2, 0] = -0f;
        var loader = new DataLoader(data, batchSize: 20, shuffle: false);
        Batch batch = loader.First();
        Assert.Equal(0.3f, batch.X[13, 34]);
        Assert.True(float.IsNegative(batch.X[2, 0]));
        data.Images[5, 5] = 0.25f;                       // a float loader sees later changes
        Assert.Equal(0.25f, loader.First().X[5, 5]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FillColumns_GathersTheBatchRowsFeatureBlock(bool pixels)
    {
        // Features [10, 10 + 17) of each row of every batch, as Keras's two-core epoch gathers one block per core;
        // from the floats or, after GatherFromPixelsIfExact, from their bytes: the same bits either way.
        var data = PixelImages(29);
        var loader = new DataLoader(data.Images, data.Labels, batchSize: 8, seed: 4);
        if (pixels) loader.GatherFromPixelsIfExact();
        var block = new float[8 * 17];
        int batches = 0;
        foreach (var batch in loader.Epoch(images: false))
        {
            loader.FillColumns(batch, 10, 17, block);
            loader.PrefetchNextColumns(batch, 10, 17);      // a hint only; past the last batch it prefetches nothing
            var (order, start) = batch.Source;
            for (int r = 0; r < batch.Size; r++)
                for (int j = 0; j < 17; j++)
                    Assert.Equal(BitConverter.SingleToInt32Bits(data.Images[order[start + r], 10 + j]),
                        BitConverter.SingleToInt32Bits(block[r * 17 + j]));
            batches++;
        }
        Assert.Equal(4, batches);
    }

    [Fact]
    public void GatherFromPixels_ReleasedBufferReusedByAnotherLoader_EachGathersItsOwnValues()
    {
        var first = PixelImages(29);
        var second = PixelImages(29);
        for (int i = 0; i < second.Images.Length; i++) second.Images.Data[i] = (byte)(i * 13 % 256) / 255f;
        var a = new DataLoader(first.Images, first.Labels, batchSize: 29, shuffle: false);
        a.GatherFromPixelsIfExact();
        Assert.Equal(first.Images.Data, a.First().X.Data);
        a.ReleasePixels();                                   // its buffer may now serve b

        var b = new DataLoader(second.Images, second.Labels, batchSize: 29, shuffle: false);
        b.GatherFromPixelsIfExact();
        Assert.Equal(second.Images.Data, b.First().X.Data);
        first.Images[3, 4] = 0.3f;                           // a released loader gathers the floats again
        Assert.Equal(0.3f, a.First().X[3, 4]);
        Assert.Equal(second.Images.Data, b.First().X.Data);
    }
}
