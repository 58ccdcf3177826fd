using NotebookMnist.Data;

namespace NotebookMnist.Tests.Data;

public class DownloadSourceTests
{
    private static LocalHttpServer.Reply Serve(string path, int? cutAfter = null)
    {
        string name = path.TrimStart('/');
        if (!name.EndsWith(".gz") || !IdxFixtures.DatasetFiles.TryGetValue(name[..^3], out var content))
            return new(404, []);
        byte[] gz = IdxFixtures.Gzip(content);
        return new(200, gz, cutAfter is null ? null : Math.Min(cutAfter.Value, gz.Length / 2));
    }

    [Fact]
    public void Load_ServerCutsEveryResponseMidBody_RetriesThenFailsWithoutPartialFile()
    {
        using var temp = new TempFolder();
        using var server = new LocalHttpServer((_, path) => Serve(path, cutAfter: 20));
        var log = new List<string>();

        var e = Assert.Throws<FileNotFoundException>(() => DatasetLoader.Load(
            IdxFixtures.Spec(), SourceOptions.For(temp, log, urls: [server.BaseUri], attempts: 3)));

        Assert.Equal(3, server.Requests);
        Assert.Equal(3, log.Count(line => line.StartsWith("  download failed (attempt ")));
        Assert.Contains(log, line => line.StartsWith($"  download failed (attempt 3/3): {server.BaseUri}train-images-idx3-ubyte.gz: "));
        Assert.Contains($"2. download from {server.BaseUri}: train-images-idx3-ubyte.gz could not be downloaded", e.Message);
        Assert.Empty(SourceOptions.CacheFiles(temp));
    }

    [Fact]
    public void Load_FirstResponseCutThenComplete_RetriesAndFillsCache()
    {
        using var temp = new TempFolder();
        using var server = new LocalHttpServer((n, path) => Serve(path, cutAfter: n == 1 ? 20 : null));
        var log = new List<string>();
        var progress = new StringWriter();

        var splits = DatasetLoader.Load(IdxFixtures.Spec(), SourceOptions.For(temp, log, urls: [server.BaseUri], progress: progress));

        Assert.Equal(5, server.Requests);
        Assert.Equal($"download from {server.BaseUri}", splits.Source);
        Assert.Equal(new[] { 2, 0, 1, 1, 0, 2 }, splits.Train.Labels.Ints());
        Assert.Equal(
            ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", "train-images-idx3-ubyte", "train-labels-idx1-ubyte"],
            SourceOptions.CacheFiles(temp));
        Assert.Equal($"using Tiny from download from {server.BaseUri}", log[^1]);
        Assert.Matches(@"^t10k-labels-idx1-ubyte.gz: 0.0 MB in \d+\.\d s", progress.ToString().Split('\n')[^2]);
    }

    [Fact]
    public void Load_NotFound_ReasonCarriesStatus()
    {
        using var temp = new TempFolder();
        using var server = new LocalHttpServer((_, _) => new(404, []));
        var log = new List<string>();

        var e = Assert.Throws<FileNotFoundException>(() => DatasetLoader.Load(
            IdxFixtures.Spec(), SourceOptions.For(temp, log, urls: [server.BaseUri], attempts: 1)));

        Assert.Contains("404", e.Message);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public void Load_ServerNeverAnswers_TimesOut()
    {
        using var temp = new TempFolder();
        using var server = new LocalHttpServer((_, _) => new(200, [], Stall: true));
        var log = new List<string>();

        Assert.Throws<FileNotFoundException>(() => DatasetLoader.Load(IdxFixtures.Spec(),
            SourceOptions.For(temp, log, urls: [server.BaseUri], attempts: 1, timeout: TimeSpan.FromMilliseconds(300))));

        Assert.Contains(log, line => line.EndsWith("train-images-idx3-ubyte.gz: timed out"));
        Assert.Empty(SourceOptions.CacheFiles(temp));
    }

    [Fact]
    public void Load_DownloadedFileFailsChecksum_LeavesNoCacheFile()
    {
        using var temp = new TempFolder();
        using var server = new LocalHttpServer((_, path) => path.Contains("t10k-labels")
            ? new(200, IdxFixtures.Gzip(IdxFixtures.Labels(1, 2, 2)))
            : Serve(path));
        var log = new List<string>();

        var e = Assert.Throws<FileNotFoundException>(
            () => DatasetLoader.Load(IdxFixtures.Spec(), SourceOptions.For(temp, log, urls: [server.BaseUri])));

        Assert.Contains("t10k-labels-idx1-ubyte: expected SHA-256", e.Message);
        Assert.Empty(SourceOptions.CacheFiles(temp));
    }
}
