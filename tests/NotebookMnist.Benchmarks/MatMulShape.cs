namespace NotebookMnist.Benchmarks;

/// <summary>One multiply C = op(A)·op(B), named by the shapes of op(A) and op(B) as the README quotes them.</summary>
public sealed record MatMulShape(string Name, int M, int K, int N, bool TransposeA = false, bool TransposeB = false)
    : IComparable<MatMulShape>, IComparable
{
    /// <summary>Floating-point operations of the product, counted as 2·m·k·n.</summary>
    public double Flops => 2.0 * M * K * N;

    /// <summary>The shapes this project multiplies (softmax layer 784→10, a 128-unit hidden layer) and two general ones.</summary>
    public static IEnumerable<MatMulShape> All =>
    [
        new("[32×784]·[784×10] X·W", 32, 784, 10),
        new("[256×784]·[784×10] X·W", 256, 784, 10),
        new("[784×32]·[32×10] Xᵀ·G", 784, 32, 10, TransposeA: true),
        new("[784×256]·[256×10] Xᵀ·G", 784, 256, 10, TransposeA: true),
        new("[256×10]·[10×784] G·Wᵀ", 256, 10, 784, TransposeB: true),
        new("[60000×784]·[784×10] X·W", 60000, 784, 10),
        new("[256×784]·[784×128] X·W", 256, 784, 128),
        new("[784×256]·[256×128] Xᵀ·G", 784, 256, 128, TransposeA: true),
        new("[256×256]·[256×256]", 256, 256, 256),
    ];

    /// <summary>Random operands in [−0.5, 0.5) for this shape (a, b) and a zeroed destination c, from a fixed seed.</summary>
    public (float[] A, float[] B, float[] C) Operands(int seed = 42)
    {
        var random = new Random(seed);
        var a = Enumerable.Range(0, M * K).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var b = Enumerable.Range(0, K * N).Select(_ => random.NextSingle() - 0.5f).ToArray();
        return (a, b, new float[M * N]);
    }

    /// <summary>Orders the summary table as <see cref="All"/> lists the shapes.</summary>
    public int CompareTo(MatMulShape? other) =>
        other is null ? 1 : Order(this).CompareTo(Order(other));

    int IComparable.CompareTo(object? other) => CompareTo(other as MatMulShape);

    private static int Order(MatMulShape shape) => All.ToList().FindIndex(s => s.Name == shape.Name);

    public override string ToString() => Name;
}
