using System.Buffers.Binary;
using System.IO.Compression;

namespace NotebookMnist.Data;

/// <summary>Decompresses gzip content into one exactly sized array.</summary>
/// <remarks>
/// The gzip trailer's ISIZE (uncompressed length mod 2^32) sizes the buffer up front, capped by the largest
/// possible deflate ratio (1032:1), so a forged trailer cannot make us allocate more than the data can produce.
/// </remarks>
internal static class Gzip
{
    private const int MaxDeflateRatio = 1032;

    /// <summary>True when the bytes start with the gzip magic 1F 8B.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> content) => content.Length >= 2 && content[0] == 0x1F && content[1] == 0x8B;

    /// <summary>Decompresses a seekable gzip stream (from its start); errors name the file.</summary>
    /// <exception cref="InvalidDataException">The gzip data is corrupt.</exception>
    public static byte[] Decompress(Stream compressed, string name)
    {
        var buffer = new byte[SizeHint(compressed)];
        int total = 0;
        try
        {
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            while (true)
            {
                if (total == buffer.Length)
                {
                    int next = gzip.ReadByte();
                    if (next < 0) break;
                    Array.Resize(ref buffer, (int)Math.Min(Array.MaxLength, Math.Max(4096L, 2L * buffer.Length)));
                    buffer[total++] = (byte)next;
                }
                int read = gzip.Read(buffer, total, buffer.Length - total);
                if (read == 0) break;
                total += read;
            }
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{name}: expected valid gzip data but decompression failed: {e.Message}", e);
        }
        if (total != buffer.Length) Array.Resize(ref buffer, total);
        return buffer;
    }

    /// <summary>Decompresses gzip bytes held in memory.</summary>
    public static byte[] Decompress(byte[] compressed, string name)
    {
        using var stream = new MemoryStream(compressed, writable: false);
        return Decompress(stream, name);
    }

    /// <summary>The trailer's ISIZE (decompressed length mod 2^32) of a seekable gzip stream, or null if too short; rewinds.</summary>
    public static long? TrailerLength(Stream compressed)
    {
        long length = compressed.Length;
        if (length < 18) return null;
        Span<byte> trailer = stackalloc byte[4];
        compressed.Position = length - 4;
        compressed.ReadExactly(trailer);
        compressed.Position = 0;
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }

    private static int SizeHint(Stream compressed) =>
        TrailerLength(compressed) is long isize
            ? (int)Math.Min(isize, Math.Min(compressed.Length * MaxDeflateRatio, Array.MaxLength))
            : 0;
}
