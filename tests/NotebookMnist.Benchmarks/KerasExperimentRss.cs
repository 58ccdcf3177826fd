using System.Diagnostics;

namespace NotebookMnist.Benchmarks;

/// <summary>The whole Keras experiment (MNIST loaded, mse and categorical_crossentropy runs of 10 epochs), then peak RSS.</summary>
/// <remarks>
/// Run: <c>dotnet run -c Release --project tests/NotebookMnist.Benchmarks -- --keras-rss</c>. Prints each run's test
/// accuracy and time, and VmHWM (peak resident set) from /proc/self/status.
/// </remarks>
public static class KerasExperimentRss
{
    public static void Run()
    {
        var total = Stopwatch.StartNew();
        NotebookSetup.ApplyThreads();
        var (xTrain, yTrain, xTest, yTest) = KerasData.Load();
        Console.WriteLine($"data loaded in {total.Elapsed.TotalSeconds:F2} s");
        foreach (var loss in new[] { "mse", "categorical_crossentropy" })
        {
            var watch = Stopwatch.StartNew();
            var model = KerasData.ArticleModel(loss);
            model.Fit(xTrain, yTrain, batchSize: 32, epochs: 10, verbose: 0, seed: 1);
            var (testLoss, testAccuracy) = model.Evaluate(xTest, yTest);
            Console.WriteLine($"{loss}: test loss {testLoss:F4}, test accuracy {testAccuracy:F4}, 10 epochs in {watch.Elapsed.TotalSeconds:F2} s");
        }
        Console.WriteLine($"total {total.Elapsed.TotalSeconds:F2} s; peak RSS {PeakRssMiB():F0} MiB (VmHWM)");
    }

    private static double PeakRssMiB()
    {
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }
}
