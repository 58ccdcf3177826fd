using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace NotebookMnist.Tests.Charts;

/// <summary>A minimal PNG reader for the tests: 8-bit greyscale/RGB, filter 0, every chunk's CRC checked.</summary>
/// <remarks>Its CRC is the bitwise textbook form, independent of the library's table-driven one.</remarks>
internal static class PngTestDecoder
{
    public sealed record Image(int Width, int Height, int ColorType, byte[] Pixels, IReadOnlyList<string> ChunkTypes);

    public static Image Decode(byte[] png)
    {
        byte[] signature = [137, 80, 78, 71, 13, 10, 26, 10];
        Assert.Equal(signature, png[..8]);
        int offset = 8, width = 0, height = 0, colorType = -1;
        var idat = new MemoryStream();
        var types = new List<string>();
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            uint stored = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.True(BitwiseCrc(png.AsSpan(offset + 4, 4 + length)) == stored, $"CRC mismatch in chunk {type}");
            types.Add(type);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                colorType = data[9];
                Assert.Equal(0, data[12]); // no interlace
            }
            else if (type == "IDAT") idat.Write(data);
            offset += 12 + length;
        }
        return new Image(width, height, colorType, Unfilter(Inflate(idat.ToArray()), width, height, colorType), types);
    }

    private static byte[] Inflate(byte[] zlib)
    {
        using var input = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int colorType)
    {
        int channels = colorType switch { 0 => 1, 2 => 3, _ => throw new InvalidDataException($"colour type {colorType}") };
        int stride = width * channels;
        Assert.Equal(height * (stride + 1), raw.Length);
        var pixels = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            Assert.Equal(0, raw[y * (stride + 1)]); // filter type 0
            Array.Copy(raw, y * (stride + 1) + 1, pixels, y * stride, stride);
        }
        return pixels;
    }

    /// <summary>CRC-32 computed bit by bit (polynomial 0xEDB88320, reflected, inverted in and out).</summary>
    public static uint BitwiseCrc(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
        }
        return ~crc;
    }
}
