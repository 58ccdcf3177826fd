using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is listed; pick with --filter, e.g.
//   dotnet run -c Release --project tests/NotebookMnist.Benchmarks -- --filter '*MatMul*'
// --keras-rss runs the whole Keras experiment once and prints its peak RSS.
if (args is ["--keras-rss"])
{
    NotebookMnist.Benchmarks.KerasExperimentRss.Run();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
