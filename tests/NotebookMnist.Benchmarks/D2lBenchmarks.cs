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
/// python3 tests/NotebookMnist.Benchmarks/d2l_scratch_epoch.py
/// </code>
/// </remarks>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
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

    /// <summary>d2l's train_epoch_ch3 over 60000 images: 235 steps of forward, summed loss backward, sgd.</summary>
    [Benchmark]
    public (double, double) D2lScratchEpochBatch256() =>
        D2l.TrainEpochCh3(Net, _trainIter, CrossEntropy, n => D2l.Sgd([_W, _b], 0.1, n));
}
