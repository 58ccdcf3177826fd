using BenchmarkDotNet.Attributes;

namespace NotebookMnist.Benchmarks;

/// <summary>The naive triple loop on two of the shapes, as a baseline for <see cref="MatMulBenchmarks"/>.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[Config(typeof(MatMulConfig))]
public class MatMulReferenceBenchmarks
{
    private float[] a = [], b = [], c = [];

    [ParamsSource(nameof(Shapes))]
    public MatMulShape Shape { get; set; } = MatMulShape.All.First();

    public static IEnumerable<MatMulShape> Shapes => MatMulShape.All.Where(s => s.M * s.K * s.N <= 2_100_000 && !s.TransposeB);

    [GlobalSetup]
    public void Setup() => (a, b, c) = Shape.Operands();

    [Benchmark]
    public void NaiveTripleLoop()
    {
        int m = Shape.M, k = Shape.K, n = Shape.N;
        bool transposeA = Shape.TransposeA;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0;
                for (int p = 0; p < k; p++) sum += (transposeA ? a[p * m + i] : a[i * k + p]) * b[p * n + j];
                c[i * n + j] = sum;
            }
        }
    }
}
