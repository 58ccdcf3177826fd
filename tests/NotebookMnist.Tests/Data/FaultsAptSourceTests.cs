using System.Diagnostics;
using System.Security.Cryptography;
using NotebookMnist.Data;

namespace NotebookMnist.Tests.Data;

/// <summary>A test that needs apt-get and dpkg-deb (Debian, Ubuntu); skipped with the reason elsewhere.</summary>
public sealed class AptFactAttribute : FactAttribute
{
    public AptFactAttribute()
    {
        if (ExternalCommand.Find("apt-get") is null || ExternalCommand.Find("dpkg-deb") is null)
            Skip = "apt-get and dpkg-deb are needed (Debian or Ubuntu); this system has no apt";
    }
}

/// <summary>Fashion-MNIST without root and without the installed package: Debian's .deb fetched with `apt-get download` and unpacked.</summary>
public class FaultsAptSourceTests
{
    private static readonly string[] AllFiles =
        ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", "train-images-idx3-ubyte", "train-labels-idx1-ubyte"];

    /// <summary>The real package from the real mirror, with the system's package lists (the fast path).</summary>
    [AptFact]
    public void Load_FashionMnistWithoutSystemCopy_FetchesDebianPackageVerifiesAndCaches() =>
        LoadRealFashionMnist(useSystemLists: true);

    /// <summary>The path of a machine whose lists are empty: a private `apt-get update` as this user, then the download.</summary>
    [AptFact]
    public void Load_FashionMnistWithPrivateListsOnly_UpdatesListsAsThisUserAndFetches() =>
        LoadRealFashionMnist(useSystemLists: false);

    [AptFact]
    public void Load_FakeAptGetServingATinyDeb_UnpacksVerifiesCachesAndCleansWorkFolder()
    {
        using var temp = new TempFolder();
        string deb = BuildTinyDeb(temp);
        string aptGet = FakeAptGet(temp, $"cp '{deb}' . && echo 'Get:1 fake tiny-data 1 [1 kB]'");
        var log = new List<string>();

        var splits = DatasetLoader.Load(TinyDebSpec(), Options(temp, log, aptGet));

        Assert.Equal("Debian's package tiny-data (fetched with `apt-get download`, not installed)", splits.Source);
        Assert.Equal(AllFiles, Directory.GetFiles(temp.Combine("cache", "tiny")).Select(path => Path.GetFileName(path)).Order());
        foreach (var (name, content) in IdxFixtures.DatasetFiles)
            Assert.Equal(content, File.ReadAllBytes(temp.Combine("cache", "tiny", name)));
        Assert.Contains(log, line => line.StartsWith("Tiny: fetching Debian's package tiny-data with `apt-get download`"));
        Assert.Contains("  apt-get: Get:1 fake tiny-data 1 [1 kB]", log);
        Assert.Contains(log, line => line.StartsWith("Tiny: unpacking tiny-data_1_all.deb"));
    }

    [AptFact]
    public void Load_AptGetFailsOffline_TriesPrivateListsAndListsEverySourceWithTheFix()
    {
        using var temp = new TempFolder();
        string calls = temp.Combine("calls");
        string aptGet = FakeAptGet(temp, $"echo \"$*\" >> '{calls}'; echo 'E: Failed to fetch http://deb.debian.org (Temporary failure resolving)' >&2; exit 100");
        var log = new List<string>();

        var e = Assert.Throws<FileNotFoundException>(() => DatasetLoader.Load(TinyDebSpec(), Options(temp, log, aptGet)));

        Assert.Equal(
            $"Could not load Tiny. Tried:\n" +
            $"  1. the cache {temp.Combine("cache", "tiny")}: the folder does not exist\n" +
            $"  2. Debian's package tiny-data (fetched with `apt-get download`, not installed): `apt-get update` (private lists in " +
            $"{temp.Combine("cache", ".apt")}) exited with code 100: E: Failed to fetch http://deb.debian.org (Temporary failure resolving)\n" +
            $"  3. download: no download location configured\n" +
            $"To fix: fetch the tiny files; or put the four files ({string.Join(", ", IdxFixtures.Spec().Files.Select(f => f.Name))}, raw or .gz) " +
            $"in {temp.Combine("cache", "tiny")}.",
            e.Message);
        string[] commands = File.ReadAllLines(calls);
        Assert.Equal(2, commands.Length);                      // the system lists' download, then the private update
        Assert.EndsWith("-q download tiny-data", commands[0]);
        Assert.Contains($"Dir::State::Lists={temp.Combine("cache", ".apt", "lists")}", commands[1]);
        Assert.EndsWith("-q update", commands[1]);
        Assert.Empty(Directory.GetDirectories(temp.Combine("cache", "tiny")));   // the work folder is gone
    }

    [AptFact]
    public void Load_AptGetHangs_IsKilledAfterTheTimeoutAndNamed()
    {
        using var temp = new TempFolder();
        string aptGet = FakeAptGet(temp, "sleep 600");
        var log = new List<string>();
        var watch = Stopwatch.StartNew();

        var e = Assert.Throws<FileNotFoundException>(() =>
            DatasetLoader.Load(TinyDebSpec(), Options(temp, log, aptGet) with { AptTimeout = TimeSpan.FromSeconds(2) }));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        string asRoot = Environment.IsPrivilegedProcess ? "-o APT::Sandbox::User=root " : "";
        Assert.Contains($"`{aptGet} {asRoot}-q download tiny-data` did not finish within 2 s.", e.Message);
    }

    [Fact]
    public void Load_FashionMnistNothingAvailable_ListsEverySourceAndTheOneCommandThatFixesIt()
    {
        using var temp = new TempFolder();
        var log = new List<string>();
        var options = new DataSourceOptions
        {
            CacheRoot = temp.Combine("cache"), SystemDirectory = temp.Combine("no-system"), AptGetCommand = temp.Combine("no-apt-get"),
            UrlBases = [], Log = log.Add, Progress = TextWriter.Null,
        };

        var e = Assert.Throws<FileNotFoundException>(() => DatasetLoader.Load(DatasetCatalog.FashionMnist, options));

        string[] lines = e.Message.Split('\n');
        Assert.Equal("Could not load Fashion-MNIST. Tried:", lines[0]);
        Assert.Equal($"  1. the cache {temp.Combine("cache", "fashion-mnist")}: the folder does not exist", lines[1]);
        Assert.Equal($"  2. the system copy {temp.Combine("no-system")}: the folder does not exist", lines[2]);
        Assert.Equal($"  3. Debian's package dataset-fashion-mnist (fetched with `apt-get download`, not installed): " +
                     $"`{temp.Combine("no-apt-get")}` not found (this is not a Debian or Ubuntu system)", lines[3]);
        Assert.Equal("  4. download: no download location configured", lines[4]);
        Assert.StartsWith("To fix: run `sudo apt-get install dataset-fashion-mnist` (Debian/Ubuntu), or go online", lines[5]);
    }

    [Fact]
    public void Default_NoSystemDataVariable_HidesTheSystemCopy()
    {
        string? before = Environment.GetEnvironmentVariable(DataSourceOptions.NoSystemDataVariable);
        try
        {
            Environment.SetEnvironmentVariable(DataSourceOptions.NoSystemDataVariable, "1");
            Assert.Equal("", DataSourceOptions.Default(null, null).SystemDirectory);
            Environment.SetEnvironmentVariable(DataSourceOptions.NoSystemDataVariable, null);
            Assert.Null(DataSourceOptions.Default(null, null).SystemDirectory);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataSourceOptions.NoSystemDataVariable, before);
        }
    }

    private static void LoadRealFashionMnist(bool useSystemLists)
    {
        using var temp = new TempFolder();
        var log = new List<string>();
        var options = new DataSourceOptions
        {
            CacheRoot = temp.Combine("cache"), SystemDirectory = "", AptUseSystemLists = useSystemLists,
            UrlBases = [], NpmCommand = null, Log = log.Add, Progress = TextWriter.Null,
        };

        var splits = DatasetLoader.Load(DatasetCatalog.FashionMnist, options);

        Assert.Equal("Debian's package dataset-fashion-mnist (fetched with `apt-get download`, not installed)", splits.Source);
        string cache = temp.Combine("cache", "fashion-mnist");
        Assert.Equal(AllFiles, Directory.GetFileSystemEntries(cache).Select(path => Path.GetFileName(path)).Order());
        // Against the published checksums (copied here, not read from the library's table).
        Assert.Equal("c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", Sha256(Path.Combine(cache, "train-images-idx3-ubyte")));
        Assert.Equal("bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9", Sha256(Path.Combine(cache, "train-labels-idx1-ubyte")));
        Assert.Equal("5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b", Sha256(Path.Combine(cache, "t10k-images-idx3-ubyte")));
        Assert.Equal("0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34", Sha256(Path.Combine(cache, "t10k-labels-idx1-ubyte")));
        Assert.Contains(log, line => line.StartsWith("  apt-get: Get:1 ") && line.Contains("dataset-fashion-mnist"));
        if (useSystemLists)
            Assert.DoesNotContain(log, line => line.Contains("updating a private copy of the lists"));
        else
            Assert.NotEmpty(Directory.GetFiles(temp.Combine("cache", ".apt", "lists"), "*Release"));

        var again = DatasetLoader.Load(DatasetCatalog.FashionMnist, options);
        Assert.StartsWith("the cache ", again.Source);
    }

    private static DataSourceOptions Options(TempFolder temp, List<string> log, string aptGet) =>
        SourceOptions.For(temp, log) with { AptGetCommand = aptGet, AptTimeout = TimeSpan.FromSeconds(60) };

    /// <summary>The tiny dataset's spec, as if Debian's package tiny-data installed its .gz files into /usr/share/datasets/tiny.</summary>
    private static DatasetSpec TinyDebSpec() =>
        IdxFixtures.Spec() with { SystemDirectory = "/usr/share/datasets/tiny", DebianPackage = "tiny-data" };

    /// <summary>A real .deb (built with dpkg-deb) holding the tiny dataset's .gz files where the package would install them.</summary>
    private static string BuildTinyDeb(TempFolder temp)
    {
        string root = temp.Combine("deb-root");
        IdxFixtures.WriteDataset(Path.Combine(root, "usr", "share", "datasets", "tiny"), gzip: true);
        Directory.CreateDirectory(Path.Combine(root, "DEBIAN"));
        File.WriteAllText(Path.Combine(root, "DEBIAN", "control"),
            "Package: tiny-data\nVersion: 1\nArchitecture: all\nMaintainer: Test <test@example.org>\nDescription: tiny test data\n");
        string deb = temp.Combine("tiny-data_1_all.deb");
        Run("dpkg-deb", "--build", "--root-owner-group", root, deb);
        return deb;
    }

    /// <summary>A shell script standing in for apt-get.</summary>
    private static string FakeAptGet(TempFolder temp, string body)
    {
        string path = temp.Combine("fake-apt-get");
        File.WriteAllText(path, $"#!/bin/bash\n{body}\n");
        if (!OperatingSystem.IsWindows())   // apt tests run only where apt is, which is never Windows
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static void Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), $"{command} did not finish");
        Assert.True(process.ExitCode == 0, $"{command} exited {process.ExitCode}: {error}");
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
