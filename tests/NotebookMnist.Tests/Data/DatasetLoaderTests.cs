using NotebookMnist.Data;

namespace NotebookMnist.Tests.Data;

public class DatasetLoaderTests
{
    private static readonly string[] AllFiles =
        ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", "train-images-idx3-ubyte", "train-labels-idx1-ubyte"];

    [Fact]
    public void Load_ExplicitGzipDirectory_DecodesWithoutWritingCache()
    {
        using var temp = new TempFolder();
        IdxFixtures.WriteDataset(temp.Combine("mine"), gzip: true);
        var log = new List<string>();

        var splits = DatasetLoader.Load(IdxFixtures.Spec(), SourceOptions.For(temp, log, directory: temp.Combine("mine")));

        Assert.Equal(new[] { 2, 0, 1, 1, 0, 2 }, splits.Train.Labels.Ints());
        Assert.Equal(new[] { 1, 2, 0 }, splits.Test.Labels.Ints());
        Assert.Equal(new long[] { 6, 4, 4 }, splits.Train.Images.shape);
        Assert.Equal((byte)((16 * 37 + 1) % 256), splits.Train.Images[0, 0, 0].item<byte>());
        Assert.Equal("c", splits.Train.TextLabel(0));
        Assert.Equal($"the directory {temp.Combine("mine")}", splits.Source);
        Assert.Equal([$"using Tiny from the directory {temp.Combine("mine")}"], log);
        Assert.Empty(SourceOptions.CacheFiles(temp));
    }

    [Fact]
    public void Load_SystemCopy_FillsCacheAndNextLoadReadsCache()
    {
        using var temp = new TempFolder();
        IdxFixtures.WriteDataset(temp.Combine("system"), gzip: true);
        var log = new List<string>();
        var options = SourceOptions.For(temp, log, system: temp.Combine("system"));

        var first = DatasetLoader.Load(IdxFixtures.Spec(), options);
        var second = DatasetLoader.Load(IdxFixtures.Spec(), options);

        Assert.StartsWith("the system copy ", first.Source);
        Assert.StartsWith("the cache ", second.Source);
        Assert.Equal(AllFiles, SourceOptions.CacheFiles(temp));
        foreach (var (name, content) in IdxFixtures.DatasetFiles)
            Assert.Equal(content, File.ReadAllBytes(temp.Combine("cache", "tiny", name)));
        Assert.Equal(first.Train.Images.Bytes(), second.Train.Images.Bytes());
        Assert.Equal($"Tiny: skipping the cache {temp.Combine("cache", "tiny")}: the folder does not exist", log[0]);
    }

    [Fact]
    public void Load_FourLoadersFillingOneCacheAtOnce_AllSucceedAndCacheIsIntact()
    {
        using var temp = new TempFolder();
        IdxFixtures.WriteDataset(temp.Combine("system"), gzip: true);

        var results = new DatasetSplits[4];
        Parallel.For(0, 4, i =>
            results[i] = DatasetLoader.Load(IdxFixtures.Spec(), SourceOptions.For(temp, [], system: temp.Combine("system"))));

        Assert.All(results, r => Assert.Equal(new[] { 2, 0, 1, 1, 0, 2 }, r.Train.Labels.Ints()));
        Assert.Equal(AllFiles, SourceOptions.CacheFiles(temp));   // no temporary files left
        foreach (var (name, content) in IdxFixtures.DatasetFiles)
            Assert.Equal(content, File.ReadAllBytes(temp.Combine("cache", "tiny", name)));
    }

    [Fact]
    public void Load_FourLoadersAtOnce_OneFillsTheCacheAndTheOthersWaitAndReadIt()
    {
        using var temp = new TempFolder();
        IdxFixtures.WriteDataset(temp.Combine("system"), gzip: true);
        var logs = Enumerable.Range(0, 4).Select(_ => new List<string>()).ToArray();

        var results = new DatasetSplits[4];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            results[i] = DatasetLoader.Load(IdxFixtures.Spec(), SourceOptions.For(temp, logs[i], system: temp.Combine("system"))));

        // The fill lock: only one loader copies the system copy; whoever finds the cache empty waits, then reads it.
        Assert.Single(results, r => r.Source.StartsWith("the system copy ", StringComparison.Ordinal));
        Assert.Equal(3, results.Count(r => r.Source == $"the cache {temp.Combine("cache", "tiny")}"));
        Assert.All(results, r => Assert.Equal(new[] { 2, 0, 1, 1, 0, 2 }, r.Train.Labels.Ints()));
        Assert.True(File.Exists(temp.Combine("cache", ".tiny.lock")));
    }

    [Fact]
    public async Task LockForFill_HeldByAnother_WaitsAndSaysSoOnce()
    {
        using var temp = new TempFolder();
        var first = DataCache.LockForFill(temp.Path, "tiny", () => throw new InvalidOperationException("the first taker should not wait"))!;
        int waits = 0;
        var second = Task.Run(() => DataCache.LockForFill(temp.Path, "tiny", () => Interlocked.Increment(ref waits)));
        await Task.Delay(700);
        Assert.False(second.IsCompleted, "the second taker should wait while the lock is held");
        first.Dispose();
        using var taken = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(taken);
        Assert.Equal(1, waits);
    }

    [Fact]
    public void Load_CacheNotWritable_StillReturnsDataAndSaysWhy()
    {
        using var temp = new TempFolder();
        IdxFixtures.WriteDataset(temp.Combine("system"));
        string notAFolder = temp.Write("plain-file", [1]);
        var log = new List<string>();

        var splits = DatasetLoader.Load(
            IdxFixtures.Spec(), SourceOptions.For(temp, log, system: temp.Combine("system"), cacheRoot: notAFolder));

        Assert.Equal(6, splits.Train.Count);
        Assert.Contains(log, line => line.StartsWith($"Tiny: could not write the cache {Path.Combine(notAFolder, "tiny")}: "));
    }

    [Fact]
    public void Load_ChecksumMismatch_FallsThroughAndLeavesNoCacheFile()
    {
        using var temp = new TempFolder();
        IdxFixtures.WriteDataset(temp.Combine("system"));
        byte[] tampered = IdxFixtures.DatasetFiles["t10k-images-idx3-ubyte"].ToArray();
        tampered[40] ^= 1;
        File.WriteAllBytes(temp.Combine("system", "t10k-images-idx3-ubyte"), tampered);
        var log = new List<string>();

        var e = Assert.Throws<FileNotFoundException>(
            () => DatasetLoader.Load(IdxFixtures.Spec(), SourceOptions.For(temp, log, system: temp.Combine("system"))));

        Assert.Contains($"2. the system copy {temp.Combine("system")}: t10k-images-idx3-ubyte: expected SHA-256 ", e.Message);
        Assert.Contains(log, line => line.StartsWith("Tiny: skipping the system copy") && line.Contains("but found"));
        Assert.Empty(SourceOptions.CacheFiles(temp));
    }

    [Fact]
    public void Load_CorruptCacheFile_FallsThroughAndRepairsIt()
    {
        using var temp = new TempFolder();
        IdxFixtures.WriteDataset(temp.Combine("cache", "tiny"));
        File.WriteAllBytes(temp.Combine("cache", "tiny", "train-labels-idx1-ubyte"), IdxFixtures.Labels(0, 0, 0, 0, 0, 0));
        IdxFixtures.WriteDataset(temp.Combine("system"), gzip: true);
        var log = new List<string>();

        var splits = DatasetLoader.Load(IdxFixtures.Spec(), SourceOptions.For(temp, log, system: temp.Combine("system")));

        Assert.StartsWith("the system copy", splits.Source);
        Assert.Contains("train-labels-idx1-ubyte: expected SHA-256", log[0]);
        Assert.Equal(IdxFixtures.DatasetFiles["train-labels-idx1-ubyte"],
            File.ReadAllBytes(temp.Combine("cache", "tiny", "train-labels-idx1-ubyte")));
    }

    [Fact]
    public void Load_DirectoryMissingFiles_ReasonNamesThem()
    {
        using var temp = new TempFolder();
        IdxFixtures.WriteDataset(temp.Combine("mine"));
        File.Delete(temp.Combine("mine", "t10k-images-idx3-ubyte"));
        File.Delete(temp.Combine("mine", "t10k-labels-idx1-ubyte"));
        var log = new List<string>();

        Assert.Throws<FileNotFoundException>(
            () => DatasetLoader.Load(IdxFixtures.Spec(), SourceOptions.For(temp, log, directory: temp.Combine("mine"))));

        Assert.Equal(
            $"Tiny: skipping the directory {temp.Combine("mine")}: missing t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (raw or .gz)",
            log[0]);
    }

    [Fact]
    public void Load_EverySourceFails_MessageListsSourcesInOrderAndTheFix()
    {
        using var temp = new TempFolder();
        var log = new List<string>();
        var options = SourceOptions.For(temp, log, directory: temp.Combine("nowhere"), system: temp.Combine("no-system"));

        var e = Assert.Throws<FileNotFoundException>(() => DatasetLoader.Load(IdxFixtures.Spec(), options));

        string[] lines = e.Message.Split('\n');
        Assert.Equal("Could not load Tiny. Tried:", lines[0]);
        Assert.Equal($"  1. the directory {temp.Combine("nowhere")}: the folder does not exist", lines[1]);
        Assert.Equal($"  2. the cache {temp.Combine("cache", "tiny")}: the folder does not exist", lines[2]);
        Assert.Equal($"  3. the system copy {temp.Combine("no-system")}: the folder does not exist", lines[3]);
        Assert.Equal("  4. download: no download location configured", lines[4]);
        Assert.StartsWith("To fix: fetch the tiny files; or put the four files (train-images-idx3-ubyte,", lines[5]);
        Assert.Equal(4, log.Count);
    }

    [Fact]
    public void Catalog_FashionMnistAndMnist_HaveThePublishedChecksumsAndNames()
    {
        Assert.Equal("c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", DatasetCatalog.FashionMnist.TrainImages.Sha256);
        Assert.Equal("ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2", DatasetCatalog.Mnist.TestLabels.Sha256);
        Assert.Equal(47040016, DatasetCatalog.Mnist.TrainImages.Length);
        Assert.Equal("ankle boot", FashionMnist.ClassNames[9]);
        Assert.Equal(["t-shirt", "sandal", "bag"], FashionMnist.GetTextLabels([0, 5, 8]));
        Assert.Equal("7", Mnist.ClassNames[7]);
        Assert.Throws<ArgumentOutOfRangeException>(() => FashionMnist.GetTextLabels([10]));
    }
}
