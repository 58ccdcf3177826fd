using BenchmarkDotNet.Attributes;
using NotebookMnist.Data;
using TorchSharp;

namespace NotebookMnist.Benchmarks;

/// <summary>Data speed: one shuffled pass of batch 256 over Fashion-MNIST's 60000 training images (target ≤ 10 ms;
/// torchvision's DataLoader took 3.37 s in d2l §3.5 with 4 workers), and a repeat load from the cache.</summary>
/// <remarks><c>dotnet run -c Release --project tests/NotebookMnist.Benchmarks -- --filter '*DataBenchmarks*'</c></remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class DataBenchmarks
{
    private DataLoader _loader = null!;

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(1);
        _loader = new DataLoader(FashionMnist.Load(log: _ => { }).Train, batchSize: 256, shuffle: true, seed: 0);
    }

    /// <summary>One epoch: a fresh randperm and 235 batches (the last one partial), each one index_select + float32 / 255.</summary>
    [Benchmark]
    public long ShuffledBatch256Pass()
    {
        long rows = 0;
        foreach (var (X, _) in _loader) rows += X.shape[0];
        return rows;
    }

    /// <summary>A repeat FashionMnist.Load(): both splits from the repository cache, SHA-256 verified and decoded.</summary>
    [Benchmark]
    public int LoadFashionMnistFromCache() => FashionMnist.Load(log: _ => { }).Train.Count;
}
