using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is listed; pick with --filter, e.g.
//   dotnet run -c Release --project tests/NotebookMnist.Benchmarks -- --filter '*Data*'
// --keras-rss runs the whole Keras experiment once and prints its peak RSS.
// --keras-epoch [epochs] [threads] times the Keras experiment's epoch (see compare-keras-epoch.sh for the PyTorch side).
switch (args)
{
    case ["--keras-rss"]:
        NotebookMnist.Benchmarks.KerasExperimentRss.Run();
        return;
    case ["--keras-epoch", .. var rest]:
        NotebookMnist.Benchmarks.KerasEpoch.Run(rest.Length > 0 ? int.Parse(rest[0]) : 3, rest.Length > 1 ? int.Parse(rest[1]) : null);
        return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
