namespace NotebookMnist.Data;

/// <summary>Finds the cache folder, writes verified files into it atomically, and removes what killed writers left.</summary>
/// <remarks>
/// A file is written to a uniquely named temporary file in the same folder, flushed to disk (fsync), then renamed
/// over the final name (File.Move with overwrite, an atomic rename on one file system). A reader therefore sees
/// either no file or a complete one, and two processes filling the cache at once each rename a complete copy.
/// Temporary files and work folders carry the writer's process id (".name.&lt;pid&gt;-&lt;guid&gt;.tmp",
/// ".apt-&lt;pid&gt;-&lt;guid&gt;"), so the next load removes those whose writer is gone (killed with -9, power cut)
/// and leaves a live writer's alone; anything older than <see cref="StaleAge"/> goes too (a reused process id).
/// </remarks>
internal static partial class DataCache
{
    /// <summary>The environment variable that overrides the data root.</summary>
    public const string EnvironmentVariable = "NOTEBOOK_MNIST_DATA";

    /// <summary>Temporary files and work folders older than this are removed even when their process id is in use.</summary>
    public static readonly TimeSpan StaleAge = TimeSpan.FromHours(1);

    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFile = "NotebookMnist.sln";

    /// <summary>$NOTEBOOK_MNIST_DATA, else data/ next to NotebookMnist.sln above the current directory or the library, else a per-user folder.</summary>
    public static string FindRoot()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return Path.GetFullPath(fromEnvironment);
        foreach (string start in SearchStarts())
        {
            string? root = FindUp(start, dir => File.Exists(Path.Combine(dir, SolutionFile)));
            if (root is not null) return Path.Combine(root, "data");
        }
        string user = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(string.IsNullOrEmpty(user) ? Path.GetTempPath() : user, "NotebookMnist", "data");
    }

    /// <summary>The current directory and the library's folder: where walking up starts.</summary>
    public static IReadOnlyList<string> SearchStarts()
    {
        var starts = new List<string> { Environment.CurrentDirectory };
        string location = typeof(DataCache).Assembly.Location;
        if (!string.IsNullOrEmpty(location)) starts.Add(Path.GetDirectoryName(location)!);
        starts.Add(AppContext.BaseDirectory);
        return starts;
    }

    /// <summary>The first directory at or above <paramref name="start"/> that satisfies <paramref name="match"/>.</summary>
    public static string? FindUp(string start, Func<string, bool> match)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (match(dir.FullName)) return dir.FullName;
        return null;
    }

    /// <summary>Writes <paramref name="content"/> to folder/name through a temporary file and an atomic rename.</summary>
    public static void WriteAtomic(string folder, string name, byte[] content)
    {
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, TemporaryName(name));
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, Path.Combine(folder, name), overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>How often a load waiting for another process's fill looks again.</summary>
    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>Takes the exclusive fill lock of a dataset's cache, <c>&lt;root&gt;/.&lt;dataset&gt;.lock</c>, waiting
    /// while another process holds it (two notebooks run at once both find the cache empty: one fetches, the other
    /// then reads what it wrote, and they never run apt or npm side by side). Null when the lock file cannot be
    /// created (a read-only data root): the load then goes on without it.</summary>
    /// <param name="root">The data root (the cache's parent folder).</param>
    /// <param name="dataset">The cache folder's name, e.g. "fashion-mnist".</param>
    /// <param name="waiting">Called once if the lock is busy, before waiting.</param>
    /// <remarks>The lock is the operating system's (flock on Linux and macOS, a sharing lock on Windows), so a holder
    /// that dies, even by kill -9, releases it. The file itself stays; it is empty.</remarks>
    public static FileStream? LockForFill(string root, string dataset, Action waiting)
    {
        string path = Path.Combine(root, $".{dataset}.lock");
        bool told = false;
        while (true)
        {
            try
            {
                Directory.CreateDirectory(root);
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Held by another process (a sharing violation): wait for it.
                if (!told) waiting();
                told = true;
                Thread.Sleep(LockPoll);
            }
            catch (IOException)
            {
                return null;                                       // the folder cannot hold the lock file
            }
        }
    }

    /// <summary>A unique temporary name for <paramref name="name"/> in its folder: ".name.&lt;pid&gt;-&lt;guid&gt;.tmp".</summary>
    public static string TemporaryName(string name) => $".{name}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp";

    /// <summary>A unique work folder name for a source (e.g. "apt"): ".apt-&lt;pid&gt;-&lt;guid&gt;".</summary>
    public static string WorkFolderName(string kind) => $".{kind}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Removes the temporary files and work folders in <paramref name="folder"/> whose writer is gone; returns how many.</summary>
    /// <remarks>Never throws: a file that cannot be removed now is left for the next load.</remarks>
    public static int CleanStale(string folder)
    {
        if (!Directory.Exists(folder)) return 0;
        int removed = 0;
        try
        {
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos(".*"))
            {
                var match = StalePattern().Match(entry.Name);
                if (!match.Success) continue;
                bool writerGone = match.Groups["pid"].Success && int.TryParse(match.Groups["pid"].Value, out int pid) && !IsRunning(pid);
                bool old = DateTime.UtcNow - entry.LastWriteTimeUtc > StaleAge;
                if (!writerGone && !old) continue;
                try
                {
                    if (entry is DirectoryInfo directory) directory.Delete(recursive: true);
                    else entry.Delete();
                    removed++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return removed;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;   // no such process
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // ".name.<pid>-<guid>.tmp" and ".kind-<pid>-<guid>"; also the older ".name.<guid>.tmp" and ".npm-pack-<guid>" (age only).
    [System.Text.RegularExpressions.GeneratedRegex(
        @"^\.(?:.+\.(?:(?<pid>[0-9]+)-)?[0-9a-f]{32}\.tmp|(?:apt|npm-pack)-(?:(?<pid>[0-9]+)-)?[0-9a-f]{32})$")]
    private static partial System.Text.RegularExpressions.Regex StalePattern();
}
