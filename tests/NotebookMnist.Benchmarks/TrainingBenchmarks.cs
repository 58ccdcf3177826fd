using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using NotebookMnist.Data;
using NotebookMnist.Keras;

namespace NotebookMnist.Benchmarks;

// The namespace NotebookMnist.D2l (d2l's saved helpers) would otherwise hide the old Scratch.D2l here.
using D2l = NotebookMnist.Scratch.D2l;

/// <summary>One training epoch of each experiment on the real data.</summary>
/// <remarks>
/// Run: <c>dotnet run -c Release --project tests/NotebookMnist.Benchmarks -- --filter '*TrainingBenchmarks*'</c>.
/// PyTorch on the same machine: Keras setup 0.44 s/epoch (OpenBLAS). The d2l scratch epoch is in D2lBenchmarks.
/// </remarks>
[Config(typeof(Settings))]
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    /// <summary>A short run with 10 warm-up iterations and, as the notebook runner, no instrumented JIT tier: with it,
    /// the epochs reached full speed only after ~1.3 s, and the 3 warm-up iterations of a plain short run did not
    /// always cover that (the d2l epoch read 21.6 ms in one run and 32.5 ms in the next).</summary>
    private sealed class Settings : ManualConfig
    {
        public Settings() =>
            AddJob(Job.ShortRun.WithWarmupCount(10).WithEnvironmentVariable("DOTNET_TieredPGO", "0"));
    }

    private Matrix _mnistX = null!, _mnistY = null!;
    private Sequential _keras = null!;

    [GlobalSetup]
    public void Setup()
    {
        var mnist = Mnist.Load(log: _ => { });
        _mnistX = mnist.Train.Images;
        _mnistY = Ops.OneHot(mnist.Train.Labels, 10);
        _keras = new Sequential(new Dense(units: 10, inputDim: 784, activation: "softmax", biasInitializer: "one", seed: 1));
        _keras.Compile(optimizer: new SGD(learningRate: 0.2), loss: "categorical_crossentropy", metrics: ["accuracy"]);
    }

    /// <summary>Keras setup: Dense(10, softmax), SGD 0.2, 60000 MNIST samples at batch 32 (1875 steps per epoch):
    /// the article's Fit of 10 epochs, reported per epoch (the Fit's set-up, ~15 ms, is spread over the 10).</summary>
    [Benchmark(OperationsPerInvoke = 10)]
    public History KerasEpochBatch32() =>
        _keras.Fit(_mnistX, _mnistY, batchSize: 32, epochs: 10, verbose: 0, seed: 1);

    /// <summary>A Fit of one epoch: one epoch plus the Fit's set-up (labels, the byte copy of x).</summary>
    [Benchmark]
    public History KerasFitOneEpoch() =>
        _keras.Fit(_mnistX, _mnistY, batchSize: 32, epochs: 1, verbose: 0, seed: 1);

    /// <summary>The 10-epoch Fit per epoch on one core (both input blocks of every step on the training thread).</summary>
    [Benchmark(OperationsPerInvoke = 10)]
    public History KerasEpochBatch32OneCore()
    {
        _keras.ParallelTraining = false;
        try { return _keras.Fit(_mnistX, _mnistY, batchSize: 32, epochs: 10, verbose: 0, seed: 1); }
        finally { _keras.ParallelTraining = true; }
    }
}
