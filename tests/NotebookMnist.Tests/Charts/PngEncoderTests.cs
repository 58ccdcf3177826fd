using NotebookMnist.Charts;

namespace NotebookMnist.Tests.Charts;

public class PngEncoderTests
{
    [Fact]
    public void BitwiseCrc_CheckString_MatchesPublishedValue()
    {
        // The standard CRC-32 check value of "123456789" is 0xCBF43926.
        Assert.Equal(0xCBF43926u, PngTestDecoder.BitwiseCrc("123456789"u8));
    }

    [Fact]
    public void EncodeGray_RandomPixels_DecodesToSamePixels()
    {
        var random = new Random(42);
        var pixels = new byte[28 * 17];
        random.NextBytes(pixels);

        var image = PngTestDecoder.Decode(PngEncoder.EncodeGray(pixels, 28, 17));

        Assert.Equal((28, 17, 0), (image.Width, image.Height, image.ColorType));
        Assert.Equal(pixels, image.Pixels);
        Assert.Equal(["IHDR", "IDAT", "IEND"], image.ChunkTypes);
    }

    [Fact]
    public void EncodeRgb_RandomPixels_DecodesToSamePixels()
    {
        var random = new Random(7);
        var pixels = new byte[5 * 3 * 3];
        random.NextBytes(pixels);

        var image = PngTestDecoder.Decode(PngEncoder.EncodeRgb(pixels, 5, 3));

        Assert.Equal((5, 3, 2), (image.Width, image.Height, image.ColorType));
        Assert.Equal(pixels, image.Pixels);
    }

    [Fact]
    public void EncodeGray_OnePixel_HasExpectedHeaderBytes()
    {
        byte[] png = PngEncoder.EncodeGray([200], 1, 1);

        // IHDR: length 13, "IHDR", width 1, height 1, depth 8, colour type 0, then 0, 0, 0.
        Assert.Equal(new byte[] { 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0 }, png[8..29]);
        Assert.Equal([200], PngTestDecoder.Decode(png).Pixels);
    }

    [Fact]
    public void EncodeRgb_WrongPixelCount_ThrowsNamingTheSizes()
    {
        var error = Assert.Throws<ArgumentException>(() => PngEncoder.EncodeRgb(new byte[10], 2, 2));

        Assert.Contains("12 bytes", error.Message);
        Assert.Contains("pixels.Length=10", error.Message);
    }

    [Fact]
    public void EncodeGray_SameInput_SameBytes()
    {
        var pixels = Enumerable.Range(0, 64).Select(i => (byte)(i * 4)).ToArray();

        Assert.Equal(PngEncoder.EncodeGray(pixels, 8, 8), PngEncoder.EncodeGray(pixels, 8, 8));
    }
}
