namespace NotebookMnist.Data;

/// <summary>Reads IDX files (the MNIST format): images (magic 2051) and labels (magic 2049), raw or gzip-compressed.</summary>
/// <remarks>
/// Layout, big-endian: a 32-bit magic (0x00000803 = 2051 for images, 0x00000801 = 2049 for labels), then one
/// 32-bit size per dimension (count, rows, cols for images; count for labels), then the unsigned bytes.
/// The header is validated against the content length before any pixel or label array is allocated, so a
/// corrupt header claiming 2^31 images fails at once. Compression is detected from the content (gzip magic
/// 1F 8B), not from the file name. Pixels stay bytes (a uint8 tensor); a DataLoader scales each batch by 1/255.
/// Introduced in notebooks/03.
/// </remarks>
public static class IdxReader
{
    /// <summary>The magic number of an IDX image file (unsigned bytes, 3 dimensions).</summary>
    public const int ImagesMagic = 2051;

    /// <summary>The magic number of an IDX label file (unsigned bytes, 1 dimension).</summary>
    public const int LabelsMagic = 2049;

    /// <summary>Reads an image file into a uint8 tensor (n, rows, cols) of the stored pixels.</summary>
    /// <param name="path">A raw or gzip-compressed IDX3 file.</param>
    /// <exception cref="InvalidDataException">The header or length is wrong; the message names the file.</exception>
    public static TorchSharp.torch.Tensor ReadImages(string path) => IdxImageStream.Read(path);

    /// <summary>Reads a label file into an array of class indices.</summary>
    /// <param name="path">A raw or gzip-compressed IDX1 file.</param>
    /// <exception cref="InvalidDataException">The header or length is wrong; the message names the file.</exception>
    public static int[] ReadLabels(string path) => DecodeLabels(ReadContent(path), Path.GetFileName(path));

    /// <summary>Reads a matching image file and label file into one <see cref="LabeledImages"/>.</summary>
    /// <param name="imagesPath">The IDX3 image file.</param>
    /// <param name="labelsPath">The IDX1 label file.</param>
    /// <param name="classNames">The text label of each class index, e.g. <see cref="FashionMnist.ClassNames"/>.</param>
    /// <exception cref="InvalidDataException">A file is malformed, or the image and label counts differ.</exception>
    public static LabeledImages Read(string imagesPath, string labelsPath, IReadOnlyList<string> classNames)
    {
        string labelsName = Path.GetFileName(labelsPath);
        int[] labels = DecodeLabels(ReadContent(labelsPath), labelsName);
        var images = IdxImageStream.Read(
            imagesPath, count => CheckCounts(count, Path.GetFileName(imagesPath), labels.Length, labelsName));
        return new LabeledImages(images, LabelTensor(labels), classNames);
    }

    /// <summary>Validates both headers and their counts, then decodes (internal: used by the dataset sources).</summary>
    internal static LabeledImages Decode(
        byte[] images, string imagesName, byte[] labels, string labelsName, IReadOnlyList<string> classNames)
    {
        var header = IdxHeader.ParseImages(images, imagesName);
        CheckCounts(header.Count, imagesName, IdxHeader.ParseLabels(labels, labelsName), labelsName);
        return new LabeledImages(DecodeImages(images, imagesName), LabelTensor(DecodeLabels(labels, labelsName)), classNames);
    }

    private static void CheckCounts(int imageCount, string imagesName, int labelCount, string labelsName)
    {
        if (labelCount != imageCount)
            throw new InvalidDataException(
                $"{labelsName}: expected {imageCount} labels (one per image in {imagesName}) but found {labelCount}.");
    }

    /// <summary>Decodes the content of an image file (already decompressed) into a uint8 tensor (n, rows, cols).</summary>
    internal static TorchSharp.torch.Tensor DecodeImages(byte[] content, string name)
    {
        var header = IdxHeader.ParseImages(content, name);
        var images = TorchSharp.torch.empty([header.Count, header.Rows, header.Cols], TorchSharp.torch.ScalarType.Byte);
        content.AsSpan(IdxHeader.ImagesHeaderLength, header.Count * header.Rows * header.Cols).CopyTo(images.bytes);
        return images;
    }

    private static TorchSharp.torch.Tensor LabelTensor(int[] labels) =>
        TorchSharp.torch.tensor(Array.ConvertAll(labels, l => (long)l));

    /// <summary>Decodes the content of a label file (already decompressed).</summary>
    internal static int[] DecodeLabels(byte[] content, string name)
    {
        int count = IdxHeader.ParseLabels(content, name);
        var labels = new int[count];
        ReadOnlySpan<byte> source = content.AsSpan(IdxHeader.LabelsHeaderLength, count);
        for (int i = 0; i < labels.Length; i++)
            labels[i] = source[i];
        return labels;
    }

    /// <summary>The decompressed bytes of a file; gzip is recognised by its first two bytes (1F 8B).</summary>
    /// <param name="path">A regular file (a FIFO, socket or device is refused before it is opened, so nothing blocks).</param>
    /// <param name="maxLength">The size limit on the content (raw or decompressed).</param>
    internal static byte[] ReadContent(string path, long maxLength = Gzip.DefaultMaxLength)
    {
        using var file = OpenRegularFile(path);
        Span<byte> magic = stackalloc byte[2];
        int got = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        if (Gzip.IsGzip(magic[..got]))
            return Gzip.Decompress(file, Path.GetFileName(path), maxLength);
        long limit = Math.Min(maxLength, Array.MaxLength);
        if (file.Length > limit)
            throw new InvalidDataException(
                $"{Path.GetFileName(path)}: expected an IDX file of at most {limit} bytes (the size limit) but found {file.Length}.");
        var bytes = new byte[file.Length];
        file.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Opens a file for reading after checking that it is a regular, non-empty file.</summary>
    /// <remarks>
    /// Opening a FIFO blocks until something writes to it, and a device never ends. .NET does not expose the file
    /// type, but stat reports size 0 for FIFOs, sockets and character devices, so an empty "file" is refused unopened.
    /// </remarks>
    /// <exception cref="InvalidDataException">The path is empty or not a regular file; the message names it.</exception>
    internal static FileStream OpenRegularFile(string path)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length == 0)
            throw new InvalidDataException(
                $"{info.Name}: expected a regular file with IDX data but {info.FullName} is empty or not a regular file " +
                "(a FIFO, socket or device); it was not opened.");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }
}
