using System.Buffers.Binary;
using NotebookMnist.Data;

namespace NotebookMnist.Tests.Data;

public class IdxReaderTests
{
    private static byte[] HandImage()
    {
        // One 2×3 image whose pixels are multiples of 51, so x / 255 is 0, 0.2, …, 1 exactly as written below.
        var bytes = IdxFixtures.Images(1, 2, 3);
        new byte[] { 0, 51, 102, 153, 204, 255 }.CopyTo(bytes, 16);
        return bytes;
    }

    [Fact]
    public void ReadImages_RawFile_ScalesPixelsBy255()
    {
        using var dir = new TempFolder();
        Matrix images = IdxReader.ReadImages(dir.Write("images", HandImage()));
        Assert.Equal((1, 6), images.Shape);
        Assert.Equal(new[] { 0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f }, images.Data);
    }

    [Fact]
    public void ReadImages_GzipContentWithoutGzName_IsDetectedFromContent()
    {
        using var dir = new TempFolder();
        Matrix images = IdxReader.ReadImages(dir.Write("images.bin", IdxFixtures.Gzip(HandImage())));
        Assert.Equal(new[] { 0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f }, images.Data);
    }

    [Fact]
    public void ReadLabels_RawAndGzip_ReturnSameLabels()
    {
        using var dir = new TempFolder();
        byte[] labels = IdxFixtures.Labels(9, 0, 0, 3, 255);
        Assert.Equal(new[] { 9, 0, 0, 3, 255 }, IdxReader.ReadLabels(dir.Write("labels", labels)));
        Assert.Equal(new[] { 9, 0, 0, 3, 255 }, IdxReader.ReadLabels(dir.Write("labels.gz", IdxFixtures.Gzip(labels))));
    }

    [Fact]
    public void Read_MatchingFiles_ReturnsLabeledImagesWithTextLabels()
    {
        using var dir = new TempFolder();
        var data = IdxReader.Read(
            dir.Write("i", IdxFixtures.Images(3, 2, 2)), dir.Write("l", IdxFixtures.Labels(1, 0, 1)), ["zero", "one"]);
        Assert.Equal((3, 2, 2), (data.Count, data.Height, data.Width));
        Assert.Equal(new[] { 1, 0, 1 }, data.Labels.Ints());
        Assert.Equal("one", data.TextLabel(0));
        Assert.Equal((byte)(16 * 37 % 256), data.Images[0, 0, 0].item<byte>());
    }

    [Fact]
    public void ReadLabels_ImageFileGiven_ThrowsNamingFileAndBothMagics()
    {
        using var dir = new TempFolder();
        string path = dir.Write("t10k-labels-idx1-ubyte", IdxFixtures.Images(2, 2, 2));
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));
        Assert.Equal("t10k-labels-idx1-ubyte: expected magic 2049 (labels) but found 2051 (images).", e.Message);
    }

    [Fact]
    public void ReadImages_TwoDimensionalMagic_ThrowsDescribingDimensions()
    {
        using var dir = new TempFolder();
        string path = dir.Write("imgs", IdxFixtures.Images(2, 2, 2, magic: 0x0802));
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.Equal("imgs: expected magic 2051 (images) but found 2050 (unsigned bytes, 2 dimensions).", e.Message);
    }

    [Fact]
    public void ReadImages_TruncatedData_ThrowsWithExpectedAndFoundLength()
    {
        using var dir = new TempFolder();
        byte[] full = IdxFixtures.Images(3, 4, 4);
        string path = dir.Write("train-images-idx3-ubyte", full[..^5]);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.Equal("train-images-idx3-ubyte: expected 16 + 3 × 4 × 4 = 64 bytes but found 59 bytes (truncated).", e.Message);
    }

    [Fact]
    public void ReadImages_TruncatedGzip_ThrowsTruncated()
    {
        using var dir = new TempFolder();
        string path = dir.Write("train-images-idx3-ubyte.gz", IdxFixtures.Gzip(IdxFixtures.Images(3, 4, 4)[..^5]));
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.Equal("train-images-idx3-ubyte.gz: expected 16 + 3 × 4 × 4 = 64 bytes but found 59 bytes (truncated).", e.Message);
    }

    [Fact]
    public void ReadImages_TwoMemberGzip_DecodesLikeRaw()
    {
        // gzip allows concatenated members; ISIZE then covers only the last one, so the reader must not trust it.
        using var dir = new TempFolder();
        byte[] raw = IdxFixtures.Images(5, 3, 3, seed: 9);
        byte[] twoMembers = [.. IdxFixtures.Gzip(raw[..20]), .. IdxFixtures.Gzip(raw[20..])];
        Assert.Equal(IdxReader.ReadImages(dir.Write("raw", raw)).Data, IdxReader.ReadImages(dir.Write("two.gz", twoMembers)).Data);
    }

    [Fact]
    public void ReadLabels_TrailingBytes_Throws()
    {
        using var dir = new TempFolder();
        string path = dir.Write("l", [.. IdxFixtures.Labels(1, 2), 7]);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));
        Assert.Contains("expected 8 + 2 = 10 bytes but found 11 bytes (trailing data)", e.Message);
    }

    [Fact]
    public void ReadLabels_ShorterThanHeader_Throws()
    {
        using var dir = new TempFolder();
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(dir.Write("l", [0, 0, 8, 1, 0])));
        Assert.Equal("l: expected a 8-byte header but the file has only 5 bytes.", e.Message);
    }

    [Fact]
    public void Read_MoreLabelsThanImages_ThrowsCountMismatch()
    {
        using var dir = new TempFolder();
        string images = dir.Write("train-images-idx3-ubyte", IdxFixtures.Images(2, 2, 2));
        string labels = dir.Write("train-labels-idx1-ubyte", IdxFixtures.Labels(0, 1, 2));
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(images, labels, ["a", "b", "c"]));
        Assert.Equal(
            "train-labels-idx1-ubyte: expected 2 labels (one per image in train-images-idx3-ubyte) but found 3.", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_HeaderClaiming2Pow31Images_FailsFastWithoutAllocating(bool gzip)
    {
        using var dir = new TempFolder();
        byte[] header = IdxFixtures.Images(1, 28, 28)[..100];
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 1u << 31);
        string path = dir.Write("train-images-idx3-ubyte", gzip ? IdxFixtures.Gzip(header) : header);
        IdxReader.ReadLabels(dir.Write("warm", IdxFixtures.Labels(1))); // JIT the reader first

        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.StartsWith("train-images-idx3-ubyte: expected a header describing at most", e.Message);
        Assert.Contains("2147483648 × 28 × 28", e.Message);
        Assert.True(allocated < 1 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void ReadImages_CorruptGzip_ThrowsNamingFile()
    {
        using var dir = new TempFolder();
        byte[] gz = IdxFixtures.Gzip(IdxFixtures.Images(4, 4, 4));
        for (int i = 12; i < gz.Length - 8; i++) gz[i] ^= 0x5A;
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(dir.Write("x.gz", gz)));
        Assert.StartsWith("x.gz: expected", e.Message);
    }

    [Fact]
    public void PixelScaling_EveryByteValue_EqualsDivisionBy255()
    {
        // 300 bytes: the vector path (32 at a time) and the scalar tail both run.
        byte[] source = Enumerable.Range(0, 300).Select(i => (byte)(i % 256)).ToArray();
        var destination = new float[300];
        PixelScaling.ToUnitFloats(source, destination);
        for (int i = 0; i < source.Length; i++)
            Assert.Equal((float)((double)source[i] / 255.0), destination[i]);
        Assert.Equal(1f, destination[255]);
    }

    [Fact]
    public void PixelScaling_TryToPixels_RecoversEveryByteAndRejectsOtherValues()
    {
        // 300 values: the 16-wide path and the scalar tail both run.
        byte[] source = Enumerable.Range(0, 300).Select(i => (byte)(i * 7 % 256)).ToArray();
        var values = new float[300];
        PixelScaling.ToUnitFloats(source, values);
        Assert.Equal(source, PixelScaling.TryToPixels(values));
        foreach (int at in new[] { 5, 299 })
            foreach (float bad in new[] { 0.5f, -0f, float.NaN, 2f, -1f / 255f, BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(values[at]) + 1) })
            {
                var changed = (float[])values.Clone();
                changed[at] = bad;
                Assert.Null(PixelScaling.TryToPixels(changed));
            }
    }

    [Fact]
    public void PixelScaling_TryToPixelsOverSeveralParts_RecoversEveryByteAndFindsABadValueInAnyPart()
    {
        // 2.5 million values: three parallel parts of 2^20, the last one ragged (its scalar tail runs too).
        byte[] source = Enumerable.Range(0, 2_500_003).Select(i => (byte)(i * 31 % 256)).ToArray();
        var values = new float[source.Length];
        PixelScaling.ToUnitFloats(source, values);
        Assert.Equal(source, PixelScaling.TryToPixels(values));
        foreach (int at in new[] { 0, (1 << 20) + 17, source.Length - 1 })
        {
            var changed = (float[])values.Clone();
            changed[at] = 0.5f;
            Assert.Null(PixelScaling.TryToPixels(changed));
        }
    }
}
