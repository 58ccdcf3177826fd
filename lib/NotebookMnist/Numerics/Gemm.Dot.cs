using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using V = System.Runtime.Intrinsics.Vector512<float>;

namespace NotebookMnist;

internal static partial class Gemm
{
    /// <summary>Rows of C per register tile of the dot kernel.</summary>
    private const int DotRows = 4;

    /// <summary>The narrow-n strategy when A is stored (m, k), as for the forward pass X·W with 10 classes.</summary>
    /// <remarks>
    /// Each C[i, j] is a dot product of row i of A with column j of op(B), both contiguous along k once op(B) is
    /// stored transposed (it already is when <c>transposeB</c>; otherwise the small (k, n) B is copied to (n, k)).
    /// Vector lanes run along k, so a narrow n wastes no lanes. A tile is 4 rows × 5 columns: 20 accumulators,
    /// 9 loads per 20 fused multiply-adds, each reduced to a scalar once at the end. The 4 rows of A (4·k floats)
    /// stay in L1 between the two column groups, so no k blocking is needed.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Dot(Operands operands)
    {
        if (operands.TransposeB)
        {
            ForRows(operands with { Packed = operands.B }, DotRows, DotRowRange);
            return;
        }
        float[] buffer = RentPacked((long)operands.N * operands.K);
        try
        {
            fixed (float* packed = buffer)
            {
                PackTransposedNarrow(operands, packed);
                ForRows(operands with { Packed = packed }, DotRows, DotRowRange);
            }
        }
        finally
        {
            ReturnPacked(buffer);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DotRowRange(Operands o, int firstRow, int endRow)
    {
        for (int i = firstRow; i < endRow; i += DotRows)
        {
            int rows = Math.Min(DotRows, endRow - i);
            for (int j = 0; j < o.N; j += ColumnGroup) Dot4x5(o, i, rows, j);
        }
    }

    /// <summary>C[i..i+3, j..j+4] (+)= dot products; rows past <paramref name="rows"/> and columns past n repeat the
    /// last one and are not stored.</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Dot4x5(in Operands o, int i, int rows, int j)
    {
        int k = o.K;
        float* a0 = RowOfA(o, i, rows, 0), a1 = RowOfA(o, i, rows, 1), a2 = RowOfA(o, i, rows, 2);
        float* a3 = RowOfA(o, i, rows, 3);
        float* b0 = ColumnOfBt(o, j), b1 = ColumnOfBt(o, j + 1), b2 = ColumnOfBt(o, j + 2);
        float* b3 = ColumnOfBt(o, j + 3), b4 = ColumnOfBt(o, j + 4);
        V c00 = default, c01 = default, c02 = default, c03 = default, c04 = default;
        V c10 = default, c11 = default, c12 = default, c13 = default, c14 = default;
        V c20 = default, c21 = default, c22 = default, c23 = default, c24 = default;
        V c30 = default, c31 = default, c32 = default, c33 = default, c34 = default;
        nint p = 0;
        for (; p <= k - Lanes; p += Lanes)
        {
            V x0 = Vector512.Load(a0 + p), x1 = Vector512.Load(a1 + p), x2 = Vector512.Load(a2 + p), x3 = Vector512.Load(a3 + p);
            V y = Vector512.Load(b0 + p);
            c00 = Vector512.FusedMultiplyAdd(x0, y, c00); c10 = Vector512.FusedMultiplyAdd(x1, y, c10);
            c20 = Vector512.FusedMultiplyAdd(x2, y, c20); c30 = Vector512.FusedMultiplyAdd(x3, y, c30);
            y = Vector512.Load(b1 + p);
            c01 = Vector512.FusedMultiplyAdd(x0, y, c01); c11 = Vector512.FusedMultiplyAdd(x1, y, c11);
            c21 = Vector512.FusedMultiplyAdd(x2, y, c21); c31 = Vector512.FusedMultiplyAdd(x3, y, c31);
            y = Vector512.Load(b2 + p);
            c02 = Vector512.FusedMultiplyAdd(x0, y, c02); c12 = Vector512.FusedMultiplyAdd(x1, y, c12);
            c22 = Vector512.FusedMultiplyAdd(x2, y, c22); c32 = Vector512.FusedMultiplyAdd(x3, y, c32);
            y = Vector512.Load(b3 + p);
            c03 = Vector512.FusedMultiplyAdd(x0, y, c03); c13 = Vector512.FusedMultiplyAdd(x1, y, c13);
            c23 = Vector512.FusedMultiplyAdd(x2, y, c23); c33 = Vector512.FusedMultiplyAdd(x3, y, c33);
            y = Vector512.Load(b4 + p);
            c04 = Vector512.FusedMultiplyAdd(x0, y, c04); c14 = Vector512.FusedMultiplyAdd(x1, y, c14);
            c24 = Vector512.FusedMultiplyAdd(x2, y, c24); c34 = Vector512.FusedMultiplyAdd(x3, y, c34);
        }
        V* tile = stackalloc V[DotRows * ColumnGroup]; // spilled before any call (see Tile6x64)
        tile[0] = c00; tile[1] = c01; tile[2] = c02; tile[3] = c03; tile[4] = c04;
        tile[5] = c10; tile[6] = c11; tile[7] = c12; tile[8] = c13; tile[9] = c14;
        tile[10] = c20; tile[11] = c21; tile[12] = c22; tile[13] = c23; tile[14] = c24;
        tile[15] = c30; tile[16] = c31; tile[17] = c32; tile[18] = c33; tile[19] = c34;
        WriteDots(o, tile, i, rows, j, (int)p);
    }

    /// <summary>Reduces each accumulator of the tile to a scalar, adds the k tail (k mod 16) element by element,
    /// and writes (or adds) the valid rows and columns to C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void WriteDots(in Operands o, V* tile, int i, int rows, int j, int tail)
    {
        int columns = Math.Min(ColumnGroup, o.N - j);
        for (int r = 0; r < rows; r++)
        {
            float* a = o.A + (nint)(i + r) * o.Lda, c = o.C + (nint)(i + r) * o.N + j;
            for (int q = 0; q < columns; q++)
            {
                float sum = Vector512.Sum(tile[r * ColumnGroup + q]);
                float* b = o.Packed + (nint)(j + q) * o.K;
                for (int p = tail; p < o.K; p++) sum += a[p] * b[p];
                c[q] = o.Accumulate ? c[q] + sum : sum;
            }
        }
    }

    private static unsafe float* RowOfA(in Operands o, int i, int rows, int r) => o.A + (nint)(i + Math.Min(r, rows - 1)) * o.Lda;

    private static unsafe float* ColumnOfBt(in Operands o, int j) => o.Packed + (nint)Math.Min(j, o.N - 1) * o.K;
}
