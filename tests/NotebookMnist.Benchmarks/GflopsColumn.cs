using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NotebookMnist.Benchmarks;

/// <summary>A summary column with the throughput 2·m·k·n / time in GFLOP/s, from the mean or the fastest iteration.</summary>
public sealed class GflopsColumn(bool best) : IColumn
{
    public string Id => best ? "GflopsBest" : "GflopsMean";
    public string ColumnName => best ? "GFLOP/s (best)" : "GFLOP/s (mean)";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => best ? 1 : 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => best ? "2·m·k·n / fastest iteration, in GFLOP/s" : "2·m·k·n / mean time, in GFLOP/s";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null || benchmarkCase.Parameters["Shape"] is not MatMulShape shape) return "NA";
        double nanoseconds = best ? statistics.Min : statistics.Mean;
        return (shape.Flops / nanoseconds).ToString("F1"); // flops per ns = GFLOP/s
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        GetValue(summary, benchmarkCase);
}
