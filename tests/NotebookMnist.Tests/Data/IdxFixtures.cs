using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using NotebookMnist.Data;

namespace NotebookMnist.Tests.Data;

/// <summary>Synthetic IDX files, a throw-away folder, and a small dataset spec for the source tests.</summary>
internal static class IdxFixtures
{
    /// <summary>An IDX3 image file: header (2051, count, rows, cols) + pixels[i] = (i * 37 + seed) mod 256.</summary>
    public static byte[] Images(int count, int rows, int cols, int seed = 0, uint magic = IdxReader.ImagesMagic)
    {
        var bytes = new byte[16 + count * rows * cols];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), (uint)count);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), (uint)rows);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(12), (uint)cols);
        for (int i = 16; i < bytes.Length; i++) bytes[i] = (byte)((i * 37 + seed) % 256);
        return bytes;
    }

    /// <summary>An IDX1 label file: header (2049, count) + the labels.</summary>
    public static byte[] Labels(params byte[] labels)
    {
        var bytes = new byte[8 + labels.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, IdxReader.LabelsMagic);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), (uint)labels.Length);
        labels.CopyTo(bytes, 8);
        return bytes;
    }

    /// <summary>Gzip-compresses bytes.</summary>
    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(content);
        return output.ToArray();
    }

    /// <summary>The four files of the synthetic dataset: 6 train and 3 test images of 4×4, 3 classes.</summary>
    public static readonly IReadOnlyDictionary<string, byte[]> DatasetFiles = new Dictionary<string, byte[]>
    {
        ["train-images-idx3-ubyte"] = Images(6, 4, 4, seed: 1),
        ["train-labels-idx1-ubyte"] = Labels(2, 0, 1, 1, 0, 2),
        ["t10k-images-idx3-ubyte"] = Images(3, 4, 4, seed: 2),
        ["t10k-labels-idx1-ubyte"] = Labels(1, 2, 0),
    };

    /// <summary>A spec whose checksums match <see cref="DatasetFiles"/>; no system folder, npm or URLs of its own.</summary>
    public static DatasetSpec Spec(string? npmPackage = null) => new(
        "Tiny", "tiny", ["a", "b", "c"],
        File("train-images-idx3-ubyte"), File("train-labels-idx1-ubyte"),
        File("t10k-images-idx3-ubyte"), File("t10k-labels-idx1-ubyte"),
        SystemDirectory: null, NpmPackage: npmPackage, UrlBases: [], FixHint: "fetch the tiny files");

    /// <summary>Writes the dataset files (optionally gzipped) into a folder.</summary>
    public static void WriteDataset(string folder, bool gzip = false)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, content) in DatasetFiles)
            System.IO.File.WriteAllBytes(Path.Combine(folder, gzip ? name + ".gz" : name), gzip ? Gzip(content) : content);
    }

    private static DatasetFile File(string name) =>
        new(name, Convert.ToHexStringLower(SHA256.HashData(DatasetFiles[name])), DatasetFiles[name].Length);
}

/// <summary>A fresh temporary folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nbm-test-" + Guid.NewGuid().ToString("N"));

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string Write(string name, byte[] content)
    {
        string path = Combine(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
