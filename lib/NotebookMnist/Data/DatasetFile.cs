namespace NotebookMnist.Data;

/// <summary>One IDX file of a dataset, with the SHA-256 and length of its decompressed bytes.</summary>
/// <param name="Name">The file name without ".gz", e.g. "train-images-idx3-ubyte".</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the decompressed content.</param>
/// <param name="Length">Decompressed length in bytes.</param>
internal sealed record DatasetFile(string Name, string Sha256, long Length);
