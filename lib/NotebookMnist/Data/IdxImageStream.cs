using System.IO.Compression;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Data;

/// <summary>Decodes an image file straight from disk into a uint8 tensor (n, rows, cols).</summary>
/// <remarks>
/// The header is checked against the file length (raw) or the gzip trailer's ISIZE (the decompressed length mod 2^32)
/// before the tensor is allocated, and the pixels are read straight into the tensor's memory: they never exist as a
/// second array. When ISIZE does not match (a multi-member gzip), the file is fully decompressed and checked the slow
/// way instead.
/// </remarks>
internal static class IdxImageStream
{
    /// <summary>Reads images from a raw or gzip IDX3 file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="checkCount">Called with the image count once the header is valid, before allocating (e.g. to compare with the labels).</param>
    /// <exception cref="InvalidDataException">The header, length or gzip data is wrong; the message names the file.</exception>
    public static Tensor Read(string path, Action<int>? checkCount = null)
    {
        string name = Path.GetFileName(path);
        using var file = IdxReader.OpenRegularFile(path);
        Span<byte> magic = stackalloc byte[2];
        int got = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        if (!Gzip.IsGzip(magic[..got]))
            return Decode(file, ReadHeader(file), file.Length, name, checkCount);
        long? isize = Gzip.TrailerLength(file);
        try
        {
            using (var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true))
            {
                var header = ReadHeader(gzip);
                if (isize is long length && header.Length == IdxHeader.ImagesHeaderLength && ClaimedLength(header) == length)
                    return Decode(gzip, header, length, name, checkCount);
            }
            file.Position = 0;
            byte[] content = Gzip.Decompress(file, name);
            checkCount?.Invoke(IdxHeader.ParseImages(content, name).Count);
            return IdxReader.DecodeImages(content, name);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(name + ":", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{name}: expected valid gzip data but decompression failed: {e.Message}", e);
        }
    }

    private static Tensor Decode(Stream content, byte[] header, long length, string name, Action<int>? checkCount)
    {
        var (count, rows, cols) = IdxHeader.ParseImages(header, length, name);
        checkCount?.Invoke(count);
        var images = empty([count, rows, cols], ScalarType.Byte);
        try
        {
            Span<byte> destination = images.bytes;
            int done = 0;
            while (done < destination.Length)
            {
                int read = content.Read(destination[done..]);
                if (read == 0)
                    throw new InvalidDataException(
                        $"{name}: expected {length} bytes but found {IdxHeader.ImagesHeaderLength + done} bytes (truncated).");
                done += read;
            }
            Span<byte> one = stackalloc byte[1];
            if (content.Read(one) != 0)
                throw new InvalidDataException($"{name}: expected {length} bytes but found more (trailing data).");
            return images;
        }
        catch
        {
            images.Dispose();
            throw;
        }
    }

    private static byte[] ReadHeader(Stream content)
    {
        var header = new byte[IdxHeader.ImagesHeaderLength];
        int read = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return read == header.Length ? header : header[..read];
    }

    /// <summary>16 + count × rows × cols as the header claims it (no validation), for comparing with ISIZE.</summary>
    private static long ClaimedLength(byte[] header)
    {
        ulong count = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
        ulong rows = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8));
        ulong cols = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12));
        ulong total = 16 + count * rows * cols;   // at most 16 + 2^96: wraps only for absurd headers, which fail below anyway
        return total > uint.MaxValue ? -1 : (long)total;
    }
}
