using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace NotebookMnist.Charts;

/// <summary>Writes 8-bit greyscale or RGB pixels as a PNG file (zlib from System.IO.Compression, CRC-32 from System.IO.Hashing).</summary>
/// <remarks>
/// Why not SkiaSharp: TorchSharp brings the managed SkiaSharp.dll 2.88.6 but only its macOS and Windows natives; on
/// Linux, where CI and the dev container run, libSkiaSharp.so comes from SkiaSharp.NativeAssets.Linux, a further
/// native package (and libfontconfig) that a notebook's <c>#r</c> of bin/ would have to find. Writing an 8-bit PNG
/// needs only zlib and CRC-32, both in the framework's packages, so these 60 lines stay and no native library is loaded.
/// <para/>
/// Layout: the 8-byte signature, then chunks IHDR, IDAT, IEND, each as length, type, data, CRC-32(type + data).
/// Every scanline uses filter 0 (none); the scanlines are zlib-compressed into one IDAT chunk.
/// </remarks>
public static class PngEncoder
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Encodes <paramref name="pixels"/> (width × height bytes, row-major, 0 black, 255 white) as a greyscale PNG.</summary>
    public static byte[] EncodeGray(ReadOnlySpan<byte> pixels, int width, int height) =>
        Encode(pixels, width, height, channels: 1, colorType: 0);

    /// <summary>Encodes <paramref name="pixels"/> (width × height × 3 bytes, row-major R, G, B) as an RGB PNG.</summary>
    public static byte[] EncodeRgb(ReadOnlySpan<byte> pixels, int width, int height) =>
        Encode(pixels, width, height, channels: 3, colorType: 2);

    private static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels, byte colorType)
    {
        if (width < 1 || height < 1)
            throw new ArgumentOutOfRangeException(
                nameof(width), $"Expected a positive image size. Received: width={width}, height={height}.");
        if (pixels.Length != width * height * channels)
            throw new ArgumentException(
                $"Expected `pixels` to hold width × height × {channels} = {width * height * channels} bytes. " +
                $"Received: pixels.Length={pixels.Length}.", nameof(pixels));
        using var png = new MemoryStream();
        png.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; compression, filter and interlace methods stay 0
        header[9] = colorType;
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", Compress(pixels, width * channels, height));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Compress(ReadOnlySpan<byte> pixels, int stride, int height)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int row = 0; row < height; row++)
            {
                zlib.WriteByte(0); // filter type 0: none
                zlib.Write(pixels.Slice(row * stride, stride));
            }
        }
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        Span<byte> typeBytes = stackalloc byte[4];
        for (int i = 0; i < 4; i++) typeBytes[i] = (byte)type[i];
        png.Write(typeBytes);
        png.Write(data);
        var crc = new Crc32(); // ISO 3309 / ITU-T V.42, the CRC PNG specifies, over type + data
        crc.Append(typeBytes);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        png.Write(word);
    }
}
