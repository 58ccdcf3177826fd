using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace NotebookMnist.Runner.IO;

/// <summary>
/// Writes a file so that readers only ever see the old content or the whole new content: a temporary file in the same
/// folder, flushed to disk, then renamed over the target. Every file the runner writes goes through here.
/// </summary>
/// <remarks>
/// A run killed mid-write (SIGKILL, power loss) leaves the target untouched and a temporary file named
/// <c>.{name}.{pid}.{random}.nbrun-tmp</c> behind; the next write into that folder deletes temporary files whose
/// process is gone (or that are older than a day), so they never accumulate.
/// </remarks>
public static class AtomicFile
{
    /// <summary>The suffix of every temporary file.</summary>
    public const string TempSuffix = ".nbrun-tmp";

    private static readonly TimeSpan StaleAge = TimeSpan.FromDays(1);
    private static readonly HashSet<string> CleanedFolders = new(StringComparer.Ordinal);

    /// <summary>Writes UTF-8 text (no byte-order mark) atomically, creating the folder.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            var bytes = new UTF8Encoding(false).GetBytes(text);
            stream.Write(bytes);
        });

    /// <summary>Writes whatever <paramref name="write"/> puts in the stream, atomically, creating the folder.</summary>
    /// <remarks>
    /// A symbolic link is followed, so the file it points to is replaced and the link kept. An existing file keeps its
    /// Unix permissions.
    /// </remarks>
    public static void Write(string path, Action<Stream> write)
    {
        var target = ResolveLinks(Path.GetFullPath(path));
        var folder = Path.GetDirectoryName(target)!;
        EnsureWritable(target);
        Directory.CreateDirectory(folder);
        CleanStaleOnce(folder);
        var temp = TempPath(folder, Path.GetFileName(target));
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows() && File.Exists(target)) File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            File.Move(temp, target, overwrite: true);
            FlushFolder(folder);
        }
        finally
        {
            if (File.Exists(temp)) TryDelete(temp);
        }
    }

    /// <summary>
    /// Refuses to replace an existing file the user may not write: a rename needs only the folder's permission, so
    /// without this check a read-only notebook would be overwritten.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The file exists and is read-only for this user.</exception>
    public static void EnsureWritable(string path)
    {
        if (!File.Exists(path)) return;
        var readOnly = OperatingSystem.IsWindows() ? File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly) : Access(path, 2) != 0; // W_OK
        if (readOnly) throw new UnauthorizedAccessException($"{path}: the file is read-only; it was not replaced.");
    }

    /// <summary>Checks that a file can be created in the folder (creating the folder), by writing and deleting a probe.</summary>
    /// <exception cref="IOException">The folder cannot be created or written.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static void ProbeWritable(string folder)
    {
        Directory.CreateDirectory(folder);
        var probe = TempPath(folder, "probe");
        using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        CleanStaleOnce(folder);
    }

    /// <summary>Deletes the temporary files of dead processes (or older than a day) in a folder; returns how many.</summary>
    public static int CleanStale(string folder)
    {
        var deleted = 0;
        IEnumerable<string> candidates;
        try { candidates = Directory.EnumerateFiles(folder, "*" + TempSuffix).ToList(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return 0; }
        foreach (var file in candidates)
        {
            if (!IsStale(file)) continue;
            if (TryDelete(file)) deleted++;
        }
        return deleted;
    }

    /// <summary>A fresh temporary file name in the folder: <c>.{name}.{pid}.{8 hex}.nbrun-tmp</c>.</summary>
    internal static string TempPath(string folder, string name) => Path.Combine(folder,
        $".{(name.Length > 100 ? name[..100] : name)}.{Environment.ProcessId}.{Guid.NewGuid().ToString("N")[..8]}{TempSuffix}");

    private static void CleanStaleOnce(string folder)
    {
        lock (CleanedFolders)
            if (!CleanedFolders.Add(folder)) return;
        CleanStale(folder);
    }

    private static bool IsStale(string file)
    {
        try
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > StaleAge) return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
        // .{name}.{pid}.{8 hex}.nbrun-tmp: the pid is the second-to-last dotted part before the suffix.
        var parts = Path.GetFileName(file)[..^TempSuffix.Length].Split('.');
        if (parts.Length < 3 || !int.TryParse(parts[^2], out var pid)) return false;
        return pid != Environment.ProcessId && !IsAlive(pid);
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private static bool TryDelete(string file)
    {
        try
        {
            File.Delete(file);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }

    private static string ResolveLinks(string path)
    {
        try
        {
            return File.Exists(path) && new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { } final ? final.FullName : path;
        }
        catch (IOException) { return path; }
    }

    // The rename is durable only once the folder's entry is on disk: fsync the folder (POSIX; best effort).
    private static void FlushFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        var fd = OpenDirectory(folder, 0);
        if (fd < 0) return;
        FileSync(fd);
        Close(fd);
    }

    [DllImport("libc", EntryPoint = "open")]
    private static extern int OpenDirectory([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "access")]
    private static extern int Access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);

    [DllImport("libc", EntryPoint = "fsync")]
    private static extern int FileSync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
