using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;

namespace NotebookMnist.Benchmarks;

/// <summary>Adds the GFLOP/s columns to the default summary.</summary>
public sealed class MatMulConfig : ManualConfig
{
    public MatMulConfig()
    {
        AddColumn(new GflopsColumn(best: false), new GflopsColumn(best: true));
        SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(40);
    }
}

/// <summary>Times <see cref="Gemm.Multiply"/> on the project's shapes; GFLOP/s = 2·m·k·n / time.</summary>
/// <remarks>
/// Run: <c>dotnet run -c Release --project tests/NotebookMnist.Benchmarks -- --filter '*MatMul*'</c> (about 2
/// minutes). Short iterations (25 ms), many of them: on a shared machine the best iteration is the one least
/// disturbed by other processes. Prefix <c>DOTNET_PROCESSOR_COUNT=1</c> for single-threaded figures.
/// </remarks>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 30)]
[IterationTime(25)]
[MemoryDiagnoser]
[Config(typeof(MatMulConfig))]
public class MatMulBenchmarks
{
    private float[] a = [], b = [], c = [];

    [ParamsSource(nameof(Shapes))]
    public MatMulShape Shape { get; set; } = MatMulShape.All.First();

    public static IEnumerable<MatMulShape> Shapes => MatMulShape.All;

    [GlobalSetup]
    public void Setup() => (a, b, c) = Shape.Operands();

    [Benchmark]
    public void Multiply() =>
        Gemm.Multiply(a, b, c, Shape.M, Shape.K, Shape.N, Shape.TransposeA, Shape.TransposeB);
}
