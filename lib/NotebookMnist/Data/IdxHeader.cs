using System.Buffers.Binary;

namespace NotebookMnist.Data;

/// <summary>Parses and validates IDX headers against the content length, before anything is allocated.</summary>
internal static class IdxHeader
{
    /// <summary>Magic (4) + count, rows, cols (3 × 4).</summary>
    public const int ImagesHeaderLength = 16;

    /// <summary>Magic (4) + count (4).</summary>
    public const int LabelsHeaderLength = 8;

    /// <summary>Checks an image file's header and length; returns its dimensions.</summary>
    /// <exception cref="InvalidDataException">Wrong magic, a zero image size, or a length that does not match.</exception>
    public static (int Count, int Rows, int Cols) ParseImages(ReadOnlySpan<byte> content, string name) =>
        ParseImages(content, content.Length, name);

    /// <summary>Checks an image header (the first bytes of a file of <paramref name="length"/> bytes); returns its dimensions.</summary>
    /// <exception cref="InvalidDataException">Wrong magic, a zero image size, or a length that does not match.</exception>
    public static (int Count, int Rows, int Cols) ParseImages(ReadOnlySpan<byte> header, long length, string name)
    {
        CheckMagic(header, length, IdxReader.ImagesMagic, ImagesHeaderLength, name);
        uint count = ReadSize(header, 4), rows = ReadSize(header, 8), cols = ReadSize(header, 12);
        if (rows == 0 || cols == 0)
            throw new InvalidDataException(
                $"{name}: expected images of at least 1 × 1 pixels but the header says {rows} × {cols}.");
        CheckLength(length, ImagesHeaderLength, (ulong)count * rows * cols, $"{count} × {rows} × {cols}", name);
        return ((int)count, (int)rows, (int)cols);
    }

    /// <summary>Checks a label file's header and length; returns the number of labels.</summary>
    /// <exception cref="InvalidDataException">Wrong magic or a length that does not match.</exception>
    public static int ParseLabels(ReadOnlySpan<byte> content, string name)
    {
        CheckMagic(content, content.Length, IdxReader.LabelsMagic, LabelsHeaderLength, name);
        uint count = ReadSize(content, 4);
        CheckLength(content.Length, LabelsHeaderLength, count, $"{count}", name);
        return (int)count;
    }

    /// <summary>Describes a magic number, e.g. "2049 (labels)".</summary>
    public static string DescribeMagic(uint magic) => magic switch
    {
        IdxReader.ImagesMagic => "2051 (images)",
        IdxReader.LabelsMagic => "2049 (labels)",
        _ when (magic >> 16) == 0 && ((magic >> 8) & 0xFF) is 0x08 => $"{magic} (unsigned bytes, {magic & 0xFF} dimensions)",
        _ => $"{magic} (0x{magic:X8}, not an IDX magic)",
    };

    private static void CheckMagic(ReadOnlySpan<byte> header, long length, int expected, int headerLength, string name)
    {
        string what = DescribeMagic((uint)expected);
        if (header.Length < 4)
            throw new InvalidDataException(
                $"{name}: expected an IDX file starting with magic {what} but the file has only {header.Length} bytes.");
        uint magic = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (magic != expected)
            throw new InvalidDataException($"{name}: expected magic {what} but found {DescribeMagic(magic)}.");
        if (header.Length < headerLength)
            throw new InvalidDataException(
                $"{name}: expected a {headerLength}-byte header but the file has only {header.Length} bytes.");
    }

    private static uint ReadSize(ReadOnlySpan<byte> content, int offset) =>
        BinaryPrimitives.ReadUInt32BigEndian(content[offset..]);

    private static void CheckLength(long length, int headerLength, ulong dataLength, string sizes, string name)
    {
        ulong expected = (ulong)headerLength + dataLength;
        if (expected > (ulong)Array.MaxLength)
            throw new InvalidDataException(
                $"{name}: expected a header describing at most {Array.MaxLength} bytes but found sizes {sizes} " +
                $"= {expected} bytes (corrupt header?); the file has {length} bytes.");
        if ((ulong)length != expected)
            throw new InvalidDataException(
                $"{name}: expected {headerLength} + {sizes} = {expected} bytes but found {length} bytes" +
                ((ulong)length < expected ? " (truncated)." : " (trailing data)."));
    }
}
