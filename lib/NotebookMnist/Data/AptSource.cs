using System.Formats.Tar;

namespace NotebookMnist.Data;

/// <summary>The dataset's Debian/Ubuntu package, fetched with `apt-get download` into a work folder and unpacked there, never installed.</summary>
/// <remarks>
/// Needs neither root nor the package installed. `apt-get download` runs as any user; when the system's package lists
/// (/var/lib/apt/lists) are missing or do not know the package, a private copy of the lists is updated as this user
/// (`apt-get -o Dir::State::Lists=&lt;cache&gt;/.apt/lists -o Dir::Cache=&lt;cache&gt;/.apt/cache update`), which needs
/// no root either, and the download is retried with it. The .deb is read with `dpkg-deb --fsys-tarfile` (a plain tar
/// on stdout), its &lt;system directory&gt;/*.gz entries are kept in memory, and the work folder is deleted; the loader
/// then verifies every file's SHA-256 and writes the cache atomically.
/// </remarks>
internal sealed class AptSource(DatasetSpec spec, DataSourceOptions options, string workFolder, string aptStateFolder) : DataSource
{
    /// <summary>The largest file accepted from the package (the biggest Fashion-MNIST .gz is 26 MB).</summary>
    private const long MaxEntryLength = 256L << 20;

    private readonly string _package = spec.DebianPackage ?? throw new ArgumentException("The dataset has no Debian package.", nameof(spec));
    private Dictionary<string, byte[]>? _unpacked;
    private string? _aptGet;
    private string? _dpkgDeb;

    /// <inheritdoc/>
    public override string Description => $"Debian's package {_package} (fetched with `apt-get download`, not installed)";

    /// <inheritdoc/>
    public override bool WritesCache => true;

    /// <inheritdoc/>
    public override string? CheckAvailable(DatasetSpec _)
    {
        if (string.IsNullOrEmpty(options.AptGetCommand))
            return "`apt-get download` is disabled";
        _aptGet = ExternalCommand.Find(options.AptGetCommand);
        if (_aptGet is null)
            return $"`{options.AptGetCommand}` not found (this is not a Debian or Ubuntu system)";
        _dpkgDeb = ExternalCommand.Find(options.DpkgDebCommand);
        return _dpkgDeb is null ? $"`{options.DpkgDebCommand}` not found, so the .deb cannot be unpacked" : null;
    }

    /// <inheritdoc/>
    public override byte[] Fetch(DatasetFile file)
    {
        _unpacked ??= FetchAndUnpack();
        if (_unpacked.TryGetValue(file.Name + ".gz", out var compressed))
            return Gzip.Decompress(compressed, file.Name + ".gz", file.Length);
        return _unpacked.TryGetValue(file.Name, out var raw)
            ? raw
            : throw new FileNotFoundException(
                $"{file.Name}: expected {spec.SystemDirectory}/{file.Name}.gz in the package {_package} but it is not there.");
    }

    private Dictionary<string, byte[]> FetchAndUnpack()
    {
        string work = Path.Combine(workFolder, DataCache.WorkFolderName("apt"));
        Directory.CreateDirectory(work);
        try
        {
            options.Log($"{spec.DisplayName}: fetching Debian's package {_package} with `apt-get download` " +
                        "(about 31 MB; no root needed, nothing is installed)");
            string deb = Download(work);
            options.Log($"{spec.DisplayName}: unpacking {Path.GetFileName(deb)} with `dpkg-deb --fsys-tarfile`");
            return Unpack(deb, work);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private string Download(string work)
    {
        string? systemListsFailure = null;
        if (options.AptUseSystemLists)
        {
            var (code, error) = RunApt(work, [], "download", _package);
            if (code == 0 && FindDeb(work) is { } deb) return deb;
            systemListsFailure = code == 0 ? "apt-get wrote no .deb" : error;
            options.Log($"  the system's package lists did not serve it ({systemListsFailure}); " +
                        $"updating a private copy of the lists in {aptStateFolder} as this user");
        }
        string[] privateLists =
        [
            "-o", $"Dir::State::Lists={Path.Combine(aptStateFolder, "lists")}",
            "-o", $"Dir::Cache={Path.Combine(aptStateFolder, "cache")}",
        ];
        Directory.CreateDirectory(Path.Combine(aptStateFolder, "lists", "partial"));
        Directory.CreateDirectory(Path.Combine(aptStateFolder, "cache", "archives", "partial"));
        var update = RunApt(work, privateLists, "update");
        if (update.ExitCode != 0)
            throw new IOException($"`apt-get update` (private lists in {aptStateFolder}) exited with code {update.ExitCode}: {update.LastError}");
        var download = RunApt(work, privateLists, "download", _package);
        if (download.ExitCode != 0)
            throw new IOException($"`apt-get download {_package}` exited with code {download.ExitCode}: {download.LastError}" +
                                  (systemListsFailure is null ? "" : $" (with the system's lists: {systemListsFailure})"));
        return FindDeb(work) ?? throw new IOException($"`apt-get download {_package}` finished but wrote no .deb file.");
    }

    private (int ExitCode, string LastError) RunApt(string work, string[] listOptions, params string[] command)
    {
        var arguments = new List<string>(listOptions);
        // As root apt hands the download to the unprivileged _apt user, who cannot write our folders; we are not
        // installing anything, so let root fetch directly. A normal user fetches as itself anyway.
        if (Environment.IsPrivilegedProcess) arguments.AddRange(["-o", "APT::Sandbox::User=root"]);
        arguments.AddRange(["-q", .. command]);
        return ExternalCommand.Run(
            _aptGet!, arguments, work, options.AptTimeout,
            line => options.Log($"  apt-get: {line}"),
            elapsed => options.Log($"  apt-get {command[0]}: still working ({elapsed.TotalSeconds:0} s)"));
    }

    private string? FindDeb(string work) => Directory.GetFiles(work, $"{_package}_*.deb").FirstOrDefault();

    private Dictionary<string, byte[]> Unpack(string deb, string work)
    {
        string prefix = (spec.SystemDirectory ?? "").Trim('/') + "/";
        return ExternalCommand.ReadOutput(_dpkgDeb!, ["--fsys-tarfile", deb], work, options.AptTimeout, tarStream =>
        {
            var files = new Dictionary<string, byte[]>();
            using var tar = new TarReader(tarStream, leaveOpen: true);
            while (tar.GetNextEntry() is { } entry)
            {
                string name = entry.Name.TrimStart('.', '/');
                if (entry.DataStream is null || !name.StartsWith(prefix, StringComparison.Ordinal)) continue;
                if (entry.Length > MaxEntryLength)
                    throw new InvalidDataException($"{entry.Name}: expected at most {MaxEntryLength} bytes but the package says {entry.Length}.");
                var bytes = new byte[entry.Length];
                entry.DataStream.ReadExactly(bytes);
                files[name[prefix.Length..]] = bytes;
            }
            return files;
        });
    }
}
