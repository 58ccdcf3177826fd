using BenchmarkDotNet.Attributes;
using NotebookMnist.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Benchmarks;

using D2l = NotebookMnist.D2l.D2l;   // inside the namespace: NotebookMnist.D2l (the namespace) would win otherwise

/// <summary>One epoch of d2l §3.6's softmax regression from scratch on Fashion-MNIST (batch 256, lr 0.1), written as
/// notebook 04 writes it, against <c>d2l_scratch_epoch.py</c> (the same code in PyTorch) beside this file.</summary>
/// <remarks>
/// Both sides use one torch thread (on the 2-core machine more threads spin against each other). Run both:
/// <code>
/// dotnet run -c Release --project tests/NotebookMnist.Benchmarks -- --filter '*D2lBenchmarks*'
/// /usr/bin/python3 tests/NotebookMnist.Benchmarks/d2l_scratch_epoch.py   (Debian's python3-torch)
/// </code>
/// </remarks>
// In process: on the shared 2-core machine the generated project's build overran BenchmarkDotNet's 2-minute timeout.
[InProcess]
[WarmupCount(3)]
[IterationCount(10)]
public class D2lBenchmarks
{
    private DataLoader _trainIter = null!;
    private Tensor _W = null!, _b = null!;

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(1);
        var data = FashionMnist.Load(log: _ => { });
        _trainIter = new DataLoader(data.Train, 256, shuffle: true, seed: 1);
        torch.manual_seed(0);
        _W = torch.normal(0, 0.01, [784, 10], requires_grad: true);
        _b = torch.zeros(10, requires_grad: true);
    }

    private static Tensor Softmax(Tensor X)
    {
        var X_exp = torch.exp(X);
        var partition = X_exp.sum(1, keepdim: true);
        return X_exp / partition;
    }

    private Tensor Net(Tensor X) => Softmax(torch.matmul(X.reshape(-1, _W.shape[0]), _W) + _b);

    private static Tensor CrossEntropy(Tensor y_hat, Tensor y) => -torch.log(y_hat[torch.arange(y_hat.shape[0]), y]);

    /// <summary>Times <paramref name="epochs"/> epochs by wall clock and process CPU time, printed as the PyTorch script
    /// prints them, after timing the data pass alone (for the side-by-side run: <c>dotnet …NotebookMnist.Benchmarks.dll --d2l-epoch 5</c>).</summary>
    public static void Run(int epochs)
    {
        var bench = new D2lBenchmarks();
        bench.Setup();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var (walls, cpus) = (new List<double>(), new List<double>());
        // The data alone: a shuffled batch-256 pass (its own loader, so the epochs below see PyTorch's orders).
        var pass_iter = new DataLoader(bench._trainIter.Dataset, 256, shuffle: true, seed: 2);
        for (int pass = 0; pass < 2 * epochs; pass++)
        {
            process.Refresh();
            var (wall, cpu) = (System.Diagnostics.Stopwatch.GetTimestamp(), process.TotalProcessorTime);
            long rows = 0;
            foreach (var (X, _) in pass_iter) rows += X.shape[0];
            process.Refresh();
            walls.Add(System.Diagnostics.Stopwatch.GetElapsedTime(wall).TotalMilliseconds);
            cpus.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
        }
        Console.WriteLine($"TorchSharp shuffled batch-256 pass: median wall {Median(walls):F1} ms, median cpu {Median(cpus):F1} ms");
        (walls, cpus) = (new List<double>(), new List<double>());
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            process.Refresh();
            var (wall, cpu) = (System.Diagnostics.Stopwatch.GetTimestamp(), process.TotalProcessorTime);
            var (loss, acc) = bench.D2lScratchEpochBatch256();
            process.Refresh();
            walls.Add(System.Diagnostics.Stopwatch.GetElapsedTime(wall).TotalMilliseconds);
            cpus.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
            Console.WriteLine($"epoch {epoch + 1}: wall {walls[^1]:F1} ms, cpu {cpus[^1]:F1} ms, loss {loss:F4}, acc {acc:F4}");
        }
        Console.WriteLine($"TorchSharp d2l scratch epoch (1 thread): median wall {Median(walls):F1} ms, median cpu {Median(cpus):F1} ms");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>d2l's train_epoch_ch3 over 60000 images: 235 steps of forward, summed loss backward, sgd.</summary>
    [Benchmark]
    public (double, double) D2lScratchEpochBatch256() =>
        D2l.TrainEpochCh3(Net, _trainIter, CrossEntropy, n => D2l.Sgd([_W, _b], 0.1, n));
}
