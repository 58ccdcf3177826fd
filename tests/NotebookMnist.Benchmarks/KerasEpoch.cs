using System.Diagnostics;
using System.Globalization;
using NotebookMnist.Keras;
using TorchSharp;

namespace NotebookMnist.Benchmarks;

/// <summary>The Keras experiment's epoch (60,000 MNIST samples, batch 32, 1,875 steps) timed epoch by epoch, for the
/// side-by-side run with keras_epoch.py (the same loop in PyTorch); compare-keras-epoch.sh alternates the two.</summary>
/// <remarks>
/// Run: <c>dotnet tests/NotebookMnist.Benchmarks/bin/Release/net10.0/NotebookMnist.Benchmarks.dll --keras-epoch [epochs] [threads]</c>.
/// One warm-up epoch, then <c>epochs</c> timed ones (default 3) inside one Fit; prints the median seconds per epoch.
/// threads defaults to <see cref="NotebookSetup.TorchThreads"/>.
/// </remarks>
public static class KerasEpoch
{
    public static void Run(int epochs, int? threads)
    {
        if (threads is int t) torch.set_num_threads(t); else NotebookSetup.ApplyThreads();
        var (xTrain, yTrain, _, _) = KerasData.Load();
        var model = KerasData.ArticleModel("categorical_crossentropy");
        model.Fit(xTrain, yTrain, batchSize: 32, epochs: 1, verbose: 0, seed: 1);       // warm-up: JIT, allocator
        var seconds = new List<double>();
        var watch = new Stopwatch();
        var timer = new LambdaCallback(onEpochBegin: _ => watch.Restart(), onEpochEnd: (_, _) => seconds.Add(watch.Elapsed.TotalSeconds));
        model.Fit(xTrain, yTrain, batchSize: 32, epochs: epochs, verbose: 0, seed: 2, callbacks: [timer]);
        seconds.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"csharp keras epoch: median {seconds[seconds.Count / 2]:F3} s (threads {torch.get_num_threads()}; epochs {string.Join(" ", seconds.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))})"));
    }
}
