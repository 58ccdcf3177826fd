using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NotebookMnist.Runner.Notebook;

/// <summary>Reads a notebook file's bytes without ever blocking on a FIFO and without reading past a size limit.</summary>
public static class NotebookFile
{
    /// <summary>The largest notebook read, in bytes (64 MiB): the parsed JSON takes several times this in memory.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Reads the whole file.</summary>
    /// <exception cref="NotebookFormatException">Not a regular file (FIFO, socket, terminal), or larger than the limit.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes = MaxBytes)
    {
        if (Directory.Exists(path)) throw new NotebookFormatException($"{path}: expected a notebook file. Received: a folder.");
        using var stream = OpenWithoutBlocking(path);
        // A FIFO, socket or terminal cannot seek; reading one would block until a writer appears.
        if (!stream.CanSeek) throw new NotebookFormatException($"{path}: expected a regular notebook file. Received: a FIFO, socket or terminal (not read, so the run cannot block on it).");
        if (stream.Length > maxBytes) throw TooLarge(path, stream.Length, maxBytes);
        var buffer = new MemoryStream((int)Math.Min(stream.Length, maxBytes) + 1);
        var chunk = new byte[1 << 16];
        int read;
        // Read at most maxBytes + 1: a device such as /dev/zero reports length 0 and never ends.
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length))) > 0)
            if (buffer.Length + read > maxBytes) throw TooLarge(path, null, maxBytes);
            else buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }

    private static NotebookFormatException TooLarge(string path, long? length, long maxBytes) => new(
        $"{path}: expected a notebook of at most {maxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes ({maxBytes / (1024 * 1024)} MiB). "
        + $"Received: {(length is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) + " bytes" : "more than that")}. "
        + "Clear its outputs (they are rewritten when it runs) or split it.");

    private static FileStream OpenWithoutBlocking(string path)
    {
        if (OperatingSystem.IsWindows()) return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        // O_NONBLOCK makes open(2) return at once on a FIFO with no writer; it changes nothing for regular files.
        var flags = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 0x4 | 0x1000000 : 0x800 | 0x80000; // O_NONBLOCK | O_CLOEXEC
        var fd = Open(path, flags);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            var reason = Marshal.GetPInvokeErrorMessage(errno);
            throw errno switch
            {
                2 => new FileNotFoundException($"{path}: expected a notebook file. Received: {reason}.", path),
                1 or 13 => new UnauthorizedAccessException($"{path}: cannot read the notebook: {reason}."),
                _ => new IOException($"{path}: cannot read the notebook: {reason}."),
            };
        }
        return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read);
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}
