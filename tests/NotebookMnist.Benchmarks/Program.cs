using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is listed; pick with --filter, e.g.
//   dotnet run -c Release --project tests/NotebookMnist.Benchmarks -- --filter '*Data*'
// --keras-rss runs the whole Keras experiment once and prints its peak RSS.
// --cold-start prints the time from process start to the first tensor op's result (libtorch loaded and used).
// --keras-epoch [epochs] [threads] times the Keras experiment's epoch (see compare-keras-epoch.sh for the PyTorch side).
switch (args)
{
    case ["--cold-start"]:
    {
        using var one = TorchSharp.torch.ones(3).sum();
        double value = one.item<float>();
        var elapsed = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
        Console.WriteLine($"cold start to the first tensor op: {elapsed.TotalMilliseconds:F0} ms (result {value})");
        return;
    }
    case ["--keras-rss"]:
        NotebookMnist.Benchmarks.KerasExperimentRss.Run();
        return;
    case ["--keras-epoch", .. var rest]:
        NotebookMnist.Benchmarks.KerasEpoch.Run(rest.Length > 0 ? int.Parse(rest[0]) : 3, rest.Length > 1 ? int.Parse(rest[1]) : null);
        return;
}
// --d2l-epoch N times N d2l scratch epochs (wall and CPU), as d2l_scratch_epoch.py does for PyTorch.
if (args is ["--d2l-epoch", var epochs])
{
    NotebookMnist.Benchmarks.D2lBenchmarks.Run(int.Parse(epochs));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
