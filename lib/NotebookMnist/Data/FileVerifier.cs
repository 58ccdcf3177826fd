using System.Security.Cryptography;

namespace NotebookMnist.Data;

/// <summary>Checks decompressed file content against the library's length and SHA-256.</summary>
internal static class FileVerifier
{
    /// <summary>Throws <see cref="InvalidDataException"/> naming the file, the expected and the found value.</summary>
    public static void Verify(DatasetFile file, ReadOnlySpan<byte> content)
    {
        if (content.Length != file.Length)
            throw new InvalidDataException(
                $"{file.Name}: expected {file.Length} bytes (decompressed) but found {content.Length}.");
        string actual = Convert.ToHexStringLower(SHA256.HashData(content));
        if (actual != file.Sha256)
            throw new InvalidDataException($"{file.Name}: expected SHA-256 {file.Sha256} but found {actual}.");
    }
}
