using BenchmarkDotNet.Attributes;
using NotebookMnist;
using NotebookMnist.Data;

/// <summary>
/// Data speed against the PyTorch figures: decoding the 60k Fashion-MNIST training gz into float32
/// (PyTorch 242–260 ms, target ≤ 150 ms) and one shuffled batch-256 pass over the in-memory array
/// (PyTorch 20–26 ms, target ≤ 10 ms). Needs Debian's dataset-fashion-mnist.
///   dotnet run -c Release --project tests/NotebookMnist.Benchmarks -- --filter '*DataBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class DataBenchmarks
{
    private const string System = "/usr/share/datasets/fashion-mnist";
    private static readonly string TrainImagesGz = Path.Combine(System, "train-images-idx3-ubyte.gz");
    private DataLoader _loader = null!, _imagesLoader = null!;

    [GlobalSetup]
    public void Setup()
    {
        var train = IdxReader.Read(TrainImagesGz, Path.Combine(System, "train-labels-idx1-ubyte.gz"), FashionMnist.ClassNames);
        _loader = new DataLoader(train.Images, train.Labels, batchSize: 256, shuffle: true, seed: 0);
        _imagesLoader = new DataLoader(train, batchSize: 256, shuffle: true, seed: 0);
    }

    /// <summary>Decompression alone (zlib), the bulk of decoding.</summary>
    [Benchmark]
    public int DecompressTrainImagesGz() => IdxReader.ReadContent(TrainImagesGz).Length;

    /// <summary>The decode benchmark: gz file → (60000, 784) float32 matrix, x / 255.</summary>
    [Benchmark]
    public Matrix DecodeTrainImagesGz() => IdxReader.ReadImages(TrainImagesGz);

    /// <summary>One epoch: a fresh permutation and 235 batches of 256 (the last one partial), copied into reused buffers.</summary>
    [Benchmark]
    public float ShuffledBatch256Pass()
    {
        float sum = 0;
        foreach (Batch batch in _loader) sum += batch.X.Data[0];
        return sum;
    }

    /// <summary>The same pass from a loader over the split, as d2l makes it: gathered from the 8-bit pixels.</summary>
    [Benchmark]
    public float ShuffledBatch256PassLabeledImages()
    {
        float sum = 0;
        foreach (Batch batch in _imagesLoader) sum += batch.X.Data[0];
        return sum;
    }

    /// <summary>A repeat FashionMnist.Load(): both splits from the repository cache, SHA-256 verified and decoded.</summary>
    [Benchmark]
    public int LoadFashionMnistFromCache() => FashionMnist.Load(log: _ => { }).Train.Count;
}
