namespace NotebookMnist.Tests.Numerics;

/// <summary>Checks <see cref="Gemm.Multiply"/> against a naive triple loop accumulated in double precision.</summary>
public class GemmTests
{
    /// <summary>(m, k, n) shapes: odd sizes, the MNIST shapes, sizes around the kernels' tile and vector edges
    /// (4/6/16/32/48 rows, 5/16/64 columns, 16/256 depth), and products big enough for the parallel path.</summary>
    private static readonly (int M, int K, int N)[] Shapes =
    [
        (1, 1, 1), (7, 13, 1), (7, 13, 5), (13, 7, 7), (13, 17, 19), (1, 784, 10), (32, 784, 10), (784, 32, 10),
        (32, 10, 784), (3, 1000, 1), (5, 15, 4), (6, 16, 16), (7, 17, 17), (4, 16, 15), (17, 33, 11),
        (31, 64, 63), (33, 65, 65), (47, 255, 9), (48, 256, 6), (49, 257, 12), (65, 3, 129), (12, 300, 47),
        (256, 784, 10), (784, 256, 10), (130, 300, 130), (97, 129, 260), (300, 20, 300),
    ];

    public static TheoryData<int, int, int, bool, bool, bool> Cases() => WithEveryFlag(Shapes);

    /// <summary>Each shape with the 8 combinations of transposeA, transposeB and accumulate.</summary>
    private static TheoryData<int, int, int, bool, bool, bool> WithEveryFlag(IEnumerable<(int M, int K, int N)> shapes)
    {
        var data = new TheoryData<int, int, int, bool, bool, bool>();
        foreach (var (m, k, n) in shapes)
            for (int flags = 0; flags < 8; flags++)
                data.Add(m, k, n, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Multiply_RandomShape_MatchesNaiveTripleLoop(
        int m, int k, int n, bool transposeA, bool transposeB, bool accumulate)
    {
        var random = new Random(HashCode.Combine(m, k, n, transposeA, transposeB, accumulate) & 0x7fff);
        float[] a = RandomArray(random, m * k);
        float[] b = RandomArray(random, k * n);
        float[] c0 = RandomArray(random, m * n + 3); // 3 sentinels past the end must stay untouched
        float[] c = (float[])c0.Clone();

        Gemm.Multiply(a, b, c, m, k, n, transposeA, transposeB, accumulate);

        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                var (expected, scale) = Naive(a, b, m, k, n, i, j, transposeA, transposeB);
                if (accumulate) expected += c0[i * n + j];
                double tolerance = 1e-5 * (scale + Math.Abs(expected)) + 1e-6;
                Assert.True(Math.Abs(c[i * n + j] - expected) <= tolerance,
                    $"C[{i},{j}] = {c[i * n + j]}, expected {expected} (m={m}, k={k}, n={n}).");
            }
        }
        Assert.Equal(c0[^3..], c[^3..]);
    }

    public static TheoryData<int, int, int, bool, bool, bool> BlockCases() => WithEveryFlag(
    [
        (32, 384, 10), (32, 400, 10), (384, 32, 10), (400, 32, 10), (7, 13, 5), (13, 17, 19), (33, 65, 65),
        (17, 33, 11), (256, 784, 10), (784, 256, 10),
    ]);

    [Theory]
    [MemberData(nameof(BlockCases))]
    public void Multiply_ColumnBlockOfAWiderA_SameBitsAsTheBlockCopiedOut(
        int m, int k, int n, bool transposeA, bool transposeB, bool accumulate)
    {
        // The stored A (rows × cols) sits at column 5 of a matrix 11 columns wider, whose other columns are noise.
        int rows = transposeA ? k : m, cols = transposeA ? m : k, lda = cols + 11;
        var random = new Random(HashCode.Combine(m, k, n, transposeA, transposeB, accumulate) & 0x7fff);
        float[] wide = RandomArray(random, rows * lda);
        float[] block = new float[rows * cols];
        for (int r = 0; r < rows; r++) wide.AsSpan(r * lda + 5, cols).CopyTo(block.AsSpan(r * cols));
        float[] b = RandomArray(random, k * n);
        float[] expected = RandomArray(random, m * n);
        float[] c = (float[])expected.Clone();

        Gemm.Multiply(block, b, expected, m, k, n, transposeA, transposeB, accumulate);
        Gemm.Multiply(wide.AsSpan(5), b, c, m, k, n, transposeA, transposeB, accumulate, lda);

        Assert.Equal(expected, c);
    }

    [Fact]
    public void Multiply_StepShorterThanTheRow_ThrowsNamingLda()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Gemm.Multiply(new float[12], new float[6], new float[4], 2, 3, 2, lda: 2));
        Assert.Equal("lda", error.ParamName);
        Assert.Contains("at least the 3 columns", error.Message);
        Assert.Contains("Received: lda=2", error.Message);
    }

    [Fact]
    public void Multiply_StridedSpanTooShort_ThrowsNamingA()
    {
        // 2 rows 5 apart, 3 columns: the last row ends at 5 + 3 = 8 elements.
        Gemm.Multiply(new float[8], new float[6], new float[4], 2, 3, 2, lda: 5);
        var error = Assert.Throws<ArgumentException>(
            () => Gemm.Multiply(new float[7], new float[6], new float[4], 2, 3, 2, lda: 5));
        Assert.Equal("a", error.ParamName);
        Assert.Contains("at least 8 elements for 2 rows 5 apart, received 7", error.Message);
    }

    [Fact]
    public void Multiply_HandComputed2x2_GivesKnownProduct()
    {
        float[] c = new float[4];
        Gemm.Multiply([1, 2, 3, 4], [5, 6, 7, 8], c, 2, 2, 2);
        Assert.Equal([19f, 22f, 43f, 50f], c);
    }

    [Fact]
    public void Multiply_ZeroDepthWithoutAccumulate_ClearsDestination()
    {
        float[] c = [1, 2, 3, 4, 9];
        Gemm.Multiply([], [], c, 2, 0, 2);
        Assert.Equal([0f, 0f, 0f, 0f, 9f], c);
    }

    [Fact]
    public void Multiply_ZeroDepthWithAccumulate_LeavesDestination()
    {
        float[] c = [1, 2, 3, 4];
        Gemm.Multiply([], [], c, 2, 0, 2, accumulate: true);
        Assert.Equal([1f, 2f, 3f, 4f], c);
    }

    [Theory]
    [InlineData(5, 6, 6, "a")]
    [InlineData(6, 5, 6, "b")]
    [InlineData(6, 6, 3, "c")]
    public void Multiply_SpanTooShort_ThrowsNamingTheSpan(int aLength, int bLength, int cLength, string name)
    {
        // m = 2, k = 3, n = 2: a needs 6, b needs 6, c needs 4 (cLength 5 is fine, so use 3 for c).
        var error = Assert.Throws<ArgumentException>(
            () => Gemm.Multiply(new float[aLength], new float[bLength], new float[cLength], 2, 3, 2));
        Assert.Equal(name, error.ParamName);
    }

    [Theory]
    [InlineData(-1, 1, 1, "m")]
    [InlineData(1, -1, 1, "k")]
    [InlineData(1, 1, -1, "n")]
    public void Multiply_NegativeDimension_ThrowsNamingTheDimension(int m, int k, int n, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Gemm.Multiply(new float[4], new float[4], new float[4], m, k, n));
        Assert.Equal(name, error.ParamName);
        Assert.Contains("Received", error.Message);
    }

    private static (double Value, double Scale) Naive(
        float[] a, float[] b, int m, int k, int n, int i, int j, bool transposeA, bool transposeB)
    {
        double sum = 0, scale = 0;
        for (int p = 0; p < k; p++)
        {
            double product = (double)(transposeA ? a[p * m + i] : a[i * k + p])
                * (transposeB ? b[j * k + p] : b[p * n + j]);
            sum += product;
            scale += Math.Abs(product);
        }
        return (sum, scale);
    }

    private static float[] RandomArray(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }
}
