using System.Runtime.Intrinsics;

namespace NotebookMnist;

/// <summary>The single-precision matrix multiply kernel behind <c>Ops.MatMul</c>: C = op(A)·op(B) (+ C).</summary>
/// <remarks>
/// Row-major spans. op(A) is (m, k): A is stored (m, k), or (k, m) when <c>transposeA</c>. op(B) is (k, n): B is
/// stored (k, n), or (n, k) when <c>transposeB</c>. C is (m, n); with <c>accumulate</c> the product is added to C.
/// <para>
/// Three AVX-512 strategies, picked by shape (each file explains its blocking):
/// <list type="bullet">
/// <item>wide n (≥ 16): B is packed into 16-column panels and a 6-row × 64-column register tile broadcasts
/// elements of A (Gemm.Broadcast.cs);</item>
/// <item>narrow n with A stored (m, k), e.g. the forward pass X·W with 10 classes: dot products along k, 4 rows ×
/// 5 columns at a time, so no vector lane is wasted on the narrow n; B is transposed in registers first
/// (Gemm.Dot.cs, Gemm.Transpose.cs);</item>
/// <item>narrow n with A stored (k, m), e.g. the weight gradient Xᵀ·G: vector lanes run along m, which is
/// contiguous in A, elements of B are broadcast, and a register transpose turns the column vectors into rows of
/// C (Gemm.Columns.cs, Gemm.ColumnsTile.cs).</item>
/// </list>
/// Products of at least <see cref="ParallelFlops"/> floating-point operations are split over the cores by rows of
/// C; smaller ones (a batch of 32) run on the calling thread without allocating. Without AVX-512 a portable
/// TensorPrimitives loop is used (Gemm.Portable.cs).
/// </para>
/// <para>
/// The kernels are marked <c>AggressiveOptimization</c>: compiled fully optimised on their first call rather than
/// run as tier-0 code (several times slower for vector code) until tiered compilation promotes them, which on a
/// busy or single-core machine took longer than a whole benchmark run.
/// </para>
/// </remarks>
internal static partial class Gemm
{
    /// <summary>Products with at least this many flops (2·m·k·n) use every core.</summary>
    internal const long ParallelFlops = 1L << 21;

    /// <summary>C = op(A)·op(B), or C += op(A)·op(B) when <paramref name="accumulate"/>.</summary>
    /// <param name="a">The stored A, (m, k) or (k, m) when <paramref name="transposeA"/>, rows <paramref name="lda"/> apart.</param>
    /// <param name="b">The stored B, (k, n) or (n, k) when <paramref name="transposeB"/>.</param>
    /// <param name="c">The (m, n) result.</param>
    /// <param name="m">Rows of C.</param>
    /// <param name="k">The inner dimension.</param>
    /// <param name="n">Columns of C.</param>
    /// <param name="transposeA">A is stored (k, m).</param>
    /// <param name="transposeB">B is stored (n, k).</param>
    /// <param name="accumulate">Add the product to C instead of overwriting it.</param>
    /// <param name="lda">Step between rows of the stored A; 0 means a whole matrix (k, or m when
    /// <paramref name="transposeA"/>). A larger step multiplies a block of columns of a wider matrix, e.g. some of
    /// the input features of a batch. The result does not depend on the step: the same elements give the same bits.</param>
    public static void Multiply(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c,
        int m, int k, int n,
        bool transposeA = false, bool transposeB = false, bool accumulate = false, int lda = 0)
    {
        int aCols = transposeA ? m : k;
        if (lda == 0) lda = aCols;
        Validate(a.Length, b.Length, c.Length, m, k, n, lda, aCols, transposeA ? k : m);
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (!accumulate) c[..(m * n)].Clear();
            return;
        }
        if (!Vector512.IsHardwareAccelerated)
        {
            Portable(a, b, c, m, k, n, transposeA, transposeB, accumulate, lda);
            return;
        }
        unsafe
        {
            fixed (float* pa = a, pb = b, pc = c)
            {
                var operands = new Operands(pa, pb, pc, m, k, n, transposeA, transposeB, accumulate, lda);
                if (n >= Lanes) Broadcast(operands);
                else if (transposeA) Columns(operands);
                else Dot(operands);
            }
        }
    }

    private static void Validate(int aLength, int bLength, int cLength, int m, int k, int n, int lda, int aCols, int aRows)
    {
        if (m < 0) throw new ArgumentOutOfRangeException(nameof(m), $"Expected `m` to be non-negative. Received: m={m}.");
        if (k < 0) throw new ArgumentOutOfRangeException(nameof(k), $"Expected `k` to be non-negative. Received: k={k}.");
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), $"Expected `n` to be non-negative. Received: n={n}.");
        if (lda < aCols)
            throw new ArgumentOutOfRangeException(nameof(lda), $"Expected `lda` to be at least the {aCols} columns of the stored A. Received: lda={lda}.");
        long aNeeded = aRows == 0 || aCols == 0 ? 0 : (long)(aRows - 1) * lda + aCols;
        if (aLength < aNeeded)
            throw new ArgumentException(lda == aCols
                ? $"Input span a is too short: expected at least m·k={aNeeded} elements, received {aLength}."
                : $"Input span a is too short: expected at least {aNeeded} elements for {aRows} rows {lda} apart, received {aLength}.", "a");
        if (bLength < (long)k * n)
            throw new ArgumentException($"Input span b is too short: expected at least k·n={(long)k * n} elements, received {bLength}.", "b");
        if (cLength < (long)m * n)
            throw new ArgumentException($"Destination is too short: expected at least m·n={(long)m * n} elements, received {cLength}.", "c");
    }
}
