using System.Buffers.Binary;
using System.IO.Compression;

namespace NotebookMnist.Data;

/// <summary>Decompresses gzip content into one exactly sized array, within a size limit, with errors that say what failed.</summary>
/// <remarks>
/// The gzip trailer's ISIZE (uncompressed length mod 2^32) sizes the buffer up front, capped by the largest
/// possible deflate ratio (1032:1) and by the caller's size limit, so neither a forged trailer nor a gzip bomb can
/// make us allocate more than the limit. When decompression fails, the data is inflated again without the trailer
/// check to tell a CRC mismatch from corrupt deflate data (.NET calls both "unsupported compression method").
/// </remarks>
internal static class Gzip
{
    private const int MaxDeflateRatio = 1032;

    /// <summary>True when the bytes start with the gzip magic 1F 8B.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> content) => content.Length >= 2 && content[0] == 0x1F && content[1] == 0x8B;

    /// <summary>The default limit on decompressed bytes when the caller knows no exact length (256 MiB; the largest IDX file is 47 MB).</summary>
    public const long DefaultMaxLength = 256L << 20;

    /// <summary>Decompresses a seekable gzip stream (from its start); errors name the file.</summary>
    /// <param name="compressed">The gzip data, positioned at its start.</param>
    /// <param name="name">The file name used in errors.</param>
    /// <param name="maxLength">The size limit: more decompressed bytes than this is an error (a gzip bomb or the wrong file).</param>
    /// <exception cref="InvalidDataException">The gzip data is corrupt, fails its CRC check, or expands beyond the limit.</exception>
    public static byte[] Decompress(Stream compressed, string name, long maxLength = DefaultMaxLength)
    {
        maxLength = Math.Min(maxLength, Array.MaxLength);
        var buffer = new byte[Math.Min(SizeHint(compressed), maxLength)];
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
                    if (total >= maxLength) throw TooLarge(name, maxLength);
                    Array.Resize(ref buffer, (int)Math.Min(maxLength, Math.Max(4096L, 2L * buffer.Length)));
                    buffer[total++] = (byte)next;
                }
                int read = gzip.Read(buffer, total, buffer.Length - total);
                if (read == 0) break;
                total += read;
            }
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(name + ":", StringComparison.Ordinal))
        {
            // .NET reports every zlib data error, a failed CRC check included, as "unsupported compression method".
            throw new InvalidDataException(Diagnose(compressed, name, maxLength) ?? $"{name}: expected valid gzip data but decompression failed: {e.Message}", e);
        }
        if (total != buffer.Length) Array.Resize(ref buffer, total);
        return buffer;
    }

    /// <summary>Decompresses gzip bytes held in memory.</summary>
    public static byte[] Decompress(byte[] compressed, string name, long maxLength = DefaultMaxLength)
    {
        using var stream = new MemoryStream(compressed, writable: false);
        return Decompress(stream, name, maxLength);
    }

    /// <summary>The error for data that expands beyond <paramref name="maxLength"/>.</summary>
    public static InvalidDataException TooLarge(string name, long maxLength) => new(
        $"{name}: expected at most {maxLength} bytes after decompression (the size limit) but the gzip data expands " +
        "beyond that (a gzip bomb or the wrong file).");

    /// <summary>Why a single-member gzip stream failed: its deflate data, its method, or its CRC-32 or length check; null when unsure.</summary>
    /// <remarks>
    /// Inflates the first member's raw deflate data again (DeflateStream, which does not look at the trailer) while
    /// computing CRC-32, then compares with the trailer (CRC-32 and ISIZE, little-endian, the last 8 bytes).
    /// </remarks>
    private static string? Diagnose(Stream compressed, string name, long maxLength)
    {
        try
        {
            compressed.Position = 0;
            var data = new BinaryReader(compressed);
            byte[] fixedHeader = data.ReadBytes(10);
            if (fixedHeader.Length < 10 || !IsGzip(fixedHeader)) return null;
            if (fixedHeader[2] != 8)
                return $"{name}: expected gzip compression method 8 (deflate) but found {fixedHeader[2]}.";
            byte flags = fixedHeader[3];
            if ((flags & 4) != 0) compressed.Position += data.ReadUInt16();       // FEXTRA
            if ((flags & 8) != 0) while (data.ReadByte() != 0) { }               // FNAME
            if ((flags & 16) != 0) while (data.ReadByte() != 0) { }              // FCOMMENT
            if ((flags & 2) != 0) compressed.Position += 2;                      // FHCRC
            var crc = new System.IO.Hashing.Crc32();
            long length = 0;
            using (var deflate = new DeflateStream(compressed, CompressionMode.Decompress, leaveOpen: true))
            {
                var chunk = new byte[1 << 16];
                try
                {
                    for (int read; (read = deflate.Read(chunk)) > 0;)
                    {
                        crc.Append(chunk.AsSpan(0, read));
                        length += read;
                        if (length > maxLength) return TooLarge(name, maxLength).Message;
                    }
                }
                catch (InvalidDataException)
                {
                    return $"{name}: expected valid deflate data but it is corrupt after {length} decompressed bytes.";
                }
            }
            compressed.Position = compressed.Length - 8;
            uint expectedCrc = data.ReadUInt32(), expectedLength = data.ReadUInt32();
            uint actualCrc = crc.GetCurrentHashAsUInt32();
            if ((uint)length == expectedLength && actualCrc != expectedCrc)
                return $"{name}: CRC mismatch: expected CRC-32 {expectedCrc:x8} (the gzip trailer) but the decompressed data gives " +
                       $"{actualCrc:x8}; the file is corrupt.";
            if (actualCrc == expectedCrc && (uint)length != expectedLength)
                return $"{name}: length mismatch: expected {expectedLength} bytes (the gzip trailer) but the data decompresses to {length}; the file is corrupt.";
            return null;
        }
        catch (EndOfStreamException)
        {
            return $"{name}: expected a complete gzip header but the file ends inside it.";
        }
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
