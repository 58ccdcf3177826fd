using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is listed; pick with --filter, e.g.
//   dotnet run -c Release --project tests/NotebookMnist.Benchmarks -- --filter '*MatMul*'
// --keras-rss runs the whole Keras experiment once and prints its peak RSS.
if (args is ["--keras-rss"])
{
    NotebookMnist.Benchmarks.KerasExperimentRss.Run();
    return;
}
// --d2l-epoch N times N d2l scratch epochs (wall and CPU), as d2l_scratch_epoch.py does for PyTorch.
if (args is ["--d2l-epoch", var epochs])
{
    NotebookMnist.Benchmarks.D2lBenchmarks.Run(int.Parse(epochs));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
