using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using System.Runtime.Intrinsics;
using V = System.Runtime.Intrinsics.Vector512<float>;

namespace NotebookMnist;

internal static partial class Gemm
{
    /// <summary>Copies B (stored (k, n), n &lt; 16, not transposed) into an (n, k) row-major block, 16 rows of B at
    /// a time through an in-register 16 × 16 transpose.</summary>
    /// <remarks>
    /// An element-by-element copy (3 µs for 784 × 10) costs half as much as the whole batch-32 forward product;
    /// the register transpose (64 shuffles per 16 × 16 block) takes 0.7 µs. Row loads read 16 floats from a row
    /// of n, running into the next rows; the last block, whose loads would leave B, is copied element by element.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void PackTransposedNarrow(in Operands o, float* packed)
    {
        int k = o.K, n = o.N, p0 = 0;
        for (; (long)(p0 + Lanes - 1) * n + Lanes <= (long)k * n; p0 += Lanes)
        {
            TransposeBlock(o.B + (nint)p0 * n, n, packed + p0, k, n);
        }
        for (; p0 < k; p0++)
        {
            for (int j = 0; j < n; j++) packed[(nint)j * k + p0] = o.B[(nint)p0 * n + j];
        }
    }

    /// <summary>Transposes the 16 × 16 block at <paramref name="source"/> (row stride n) and stores its first
    /// <paramref name="count"/> columns as rows of <paramref name="target"/> (row stride k).</summary>
    /// <remarks>
    /// Stage 1 interleaves pairs of rows and stage 2 pairs of pairs (as doubles), which leaves in vector 4g + c,
    /// 128-bit lane L, column 4L + c of rows 4g..4g+3; <see cref="TransposeLanes"/> then transposes the 4 × 4
    /// grid of 128-bit lanes. Everything stays in the 32 vector registers.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void TransposeBlock(float* source, nint n, float* target, nint k, int count)
    {
        V r0 = Vector512.Load(source), r1 = Vector512.Load(source + n);
        V r2 = Vector512.Load(source + 2 * n), r3 = Vector512.Load(source + 3 * n);
        V r4 = Vector512.Load(source + 4 * n), r5 = Vector512.Load(source + 5 * n);
        V r6 = Vector512.Load(source + 6 * n), r7 = Vector512.Load(source + 7 * n);
        V r8 = Vector512.Load(source + 8 * n), r9 = Vector512.Load(source + 9 * n);
        V r10 = Vector512.Load(source + 10 * n), r11 = Vector512.Load(source + 11 * n);
        V r12 = Vector512.Load(source + 12 * n), r13 = Vector512.Load(source + 13 * n);
        V r14 = Vector512.Load(source + 14 * n), r15 = Vector512.Load(source + 15 * n);
        V t0 = Avx512F.UnpackLow(r0, r1), t1 = Avx512F.UnpackHigh(r0, r1);
        V t2 = Avx512F.UnpackLow(r2, r3), t3 = Avx512F.UnpackHigh(r2, r3);
        V t4 = Avx512F.UnpackLow(r4, r5), t5 = Avx512F.UnpackHigh(r4, r5);
        V t6 = Avx512F.UnpackLow(r6, r7), t7 = Avx512F.UnpackHigh(r6, r7);
        V t8 = Avx512F.UnpackLow(r8, r9), t9 = Avx512F.UnpackHigh(r8, r9);
        V t10 = Avx512F.UnpackLow(r10, r11), t11 = Avx512F.UnpackHigh(r10, r11);
        V t12 = Avx512F.UnpackLow(r12, r13), t13 = Avx512F.UnpackHigh(r12, r13);
        V t14 = Avx512F.UnpackLow(r14, r15), t15 = Avx512F.UnpackHigh(r14, r15);
        TransposeLanes(PairLow(t0, t2), PairLow(t4, t6), PairLow(t8, t10), PairLow(t12, t14), target, k, count, 0);
        TransposeLanes(PairHigh(t0, t2), PairHigh(t4, t6), PairHigh(t8, t10), PairHigh(t12, t14), target, k, count, 1);
        TransposeLanes(PairLow(t1, t3), PairLow(t5, t7), PairLow(t9, t11), PairLow(t13, t15), target, k, count, 2);
        TransposeLanes(PairHigh(t1, t3), PairHigh(t5, t7), PairHigh(t9, t11), PairHigh(t13, t15), target, k, count, 3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V PairLow(V a, V b) => Avx512F.UnpackLow(a.AsDouble(), b.AsDouble()).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V PairHigh(V a, V b) => Avx512F.UnpackHigh(a.AsDouble(), b.AsDouble()).AsSingle();

    /// <summary>Transposes the 4 × 4 grid of 128-bit lanes of a, b, c, d (rows 0-3, 4-7, 8-11, 12-15) into
    /// columns c, c + 4, c + 8, c + 12, and stores those below <paramref name="count"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void TransposeLanes(V a, V b, V c, V d, float* target, nint k, int count, int column)
    {
        V low = Avx512F.Shuffle4x128(a, b, 0x44), high = Avx512F.Shuffle4x128(a, b, 0xEE);
        V low2 = Avx512F.Shuffle4x128(c, d, 0x44), high2 = Avx512F.Shuffle4x128(c, d, 0xEE);
        if (column < count) Avx512F.Shuffle4x128(low, low2, 0x88).Store(target + column * k);
        if (column + 4 < count) Avx512F.Shuffle4x128(low, low2, 0xDD).Store(target + (column + 4) * k);
        if (column + 8 < count) Avx512F.Shuffle4x128(high, high2, 0x88).Store(target + (column + 8) * k);
        if (column + 12 < count) Avx512F.Shuffle4x128(high, high2, 0xDD).Store(target + (column + 12) * k);
    }
}
