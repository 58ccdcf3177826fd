using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using V = System.Runtime.Intrinsics.Vector512<float>;

namespace NotebookMnist;

internal static partial class Gemm
{
    /// <summary>Rows of C per register tile of the column kernel: two vectors along m.</summary>
    private const int ColumnTileRows = 2 * Lanes;

    /// <summary>Columns of C per register tile of the column and dot kernels (10 classes = 2 groups).</summary>
    private const int ColumnGroup = 5;

    /// <summary>The narrow-n strategy when A is stored (k, m), as for the weight gradient Xᵀ·G.</summary>
    /// <remarks>
    /// Row p of the stored A is op(A)[·, p], contiguous along m, so vector lanes run along m with no packing, and
    /// each op(B)[p, j] is broadcast from a small padded copy of op(B). A tile is 32 rows × 5 columns (10
    /// accumulators, 2 loads and 5 broadcasts per step of k). k is cut into blocks of 256 so that the 32-wide strip of A read by the first column
    /// group is still in cache for the second. The column vectors of a tile are turned into rows of C by a
    /// register transpose (Gemm.ColumnsTile.cs).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Columns(Operands operands)
    {
        int width = PaddedGroups(operands.N);
        float[] buffer = RentPacked((long)operands.K * width);
        try
        {
            fixed (float* packed = buffer)
            {
                PackGroups(operands, packed, width);
                ForRows(operands with { Packed = packed }, ColumnTileRows, ColumnsRowRange);
            }
        }
        finally
        {
            ReturnPacked(buffer);
        }
    }

    /// <summary>n rounded up to whole groups of 5 columns.</summary>
    private static int PaddedGroups(int n) => (n + ColumnGroup - 1) / ColumnGroup * ColumnGroup;

    /// <summary>Copies op(B) to (k, width) row-major with zero columns past n, so one pointer serves a whole
    /// column group (fewer live registers in the kernel) and a ragged last group reads zeros.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void PackGroups(in Operands o, float* packed, int width)
    {
        for (int p = 0; p < o.K; p++)
        {
            float* row = packed + (nint)p * width;
            for (int j = 0; j < o.N; j++) row[j] = o.B[p * o.BRowStride + j * o.BColStride];
            for (int j = o.N; j < width; j++) row[j] = 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ColumnsRowRange(Operands o, int firstRow, int endRow)
    {
        for (int p0 = 0; p0 < o.K; p0 += DepthBlock)
        {
            int depth = Math.Min(DepthBlock, o.K - p0);
            bool add = o.Accumulate || p0 > 0;
            int i = firstRow;
            for (; i + ColumnTileRows <= endRow; i += ColumnTileRows) ColumnsTile(o, i, p0, depth, add, wide: true);
            for (; i + Lanes <= endRow; i += Lanes) ColumnsTile(o, i, p0, depth, add, wide: false);
            if (i < endRow) ColumnsScalar(o, i, endRow, p0, depth, add);
        }
    }

    /// <summary>op(A)[i..i+31, block]·op(B)[block, j..j+4] as 5 column vectors for rows i..i+15 (to
    /// <paramref name="top"/>) and 5 for rows i+16..i+31 (to <paramref name="bottom"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Columns32x5(in Operands o, int i, int j, int p0, int depth, V* top, V* bottom)
    {
        float* a = o.A + (nint)p0 * o.Lda + i;
        nint aStep = o.Lda, bStep = PaddedGroups(o.N);
        float* b = o.Packed + p0 * bStep + j;
        V c00 = default, c01 = default, c02 = default, c03 = default, c04 = default;
        V c10 = default, c11 = default, c12 = default, c13 = default, c14 = default;
        for (nint p = 0, bp = 0; p < depth; p++, a += aStep, bp += bStep)
        {
            V x0 = Vector512.Load(a), x1 = Vector512.Load(a + Lanes);
            V y = Vector512.Create(b[bp]);
            c00 = Vector512.FusedMultiplyAdd(x0, y, c00); c10 = Vector512.FusedMultiplyAdd(x1, y, c10);
            y = Vector512.Create(b[bp + 1]);
            c01 = Vector512.FusedMultiplyAdd(x0, y, c01); c11 = Vector512.FusedMultiplyAdd(x1, y, c11);
            y = Vector512.Create(b[bp + 2]);
            c02 = Vector512.FusedMultiplyAdd(x0, y, c02); c12 = Vector512.FusedMultiplyAdd(x1, y, c12);
            y = Vector512.Create(b[bp + 3]);
            c03 = Vector512.FusedMultiplyAdd(x0, y, c03); c13 = Vector512.FusedMultiplyAdd(x1, y, c13);
            y = Vector512.Create(b[bp + 4]);
            c04 = Vector512.FusedMultiplyAdd(x0, y, c04); c14 = Vector512.FusedMultiplyAdd(x1, y, c14);
        }
        top[0] = c00; top[1] = c01; top[2] = c02; top[3] = c03; top[4] = c04;
        bottom[0] = c10; bottom[1] = c11; bottom[2] = c12; bottom[3] = c13; bottom[4] = c14;
    }

    /// <summary>The 16-row version of <see cref="Columns32x5"/>, for the rows left over.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Columns16x5(in Operands o, int i, int j, int p0, int depth, V* top)
    {
        float* a = o.A + (nint)p0 * o.Lda + i;
        nint aStep = o.Lda, bStep = PaddedGroups(o.N);
        float* b = o.Packed + p0 * bStep + j;
        V c0 = default, c1 = default, c2 = default, c3 = default, c4 = default;
        for (nint p = 0, bp = 0; p < depth; p++, a += aStep, bp += bStep)
        {
            V x = Vector512.Load(a);
            c0 = Vector512.FusedMultiplyAdd(x, Vector512.Create(b[bp]), c0);
            c1 = Vector512.FusedMultiplyAdd(x, Vector512.Create(b[bp + 1]), c1);
            c2 = Vector512.FusedMultiplyAdd(x, Vector512.Create(b[bp + 2]), c2);
            c3 = Vector512.FusedMultiplyAdd(x, Vector512.Create(b[bp + 3]), c3);
            c4 = Vector512.FusedMultiplyAdd(x, Vector512.Create(b[bp + 4]), c4);
        }
        top[0] = c0; top[1] = c1; top[2] = c2; top[3] = c3; top[4] = c4;
    }

    /// <summary>Rows [i, endRow) (fewer than 16) over one k block, one element at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void ColumnsScalar(in Operands o, int i, int endRow, int p0, int depth, bool add)
    {
        for (; i < endRow; i++)
        {
            for (int j = 0; j < o.N; j++)
            {
                nint width = PaddedGroups(o.N);
                float* a = o.A + (nint)p0 * o.Lda + i, b = o.Packed + p0 * width + j;
                float sum = 0;
                for (nint p = 0; p < depth; p++) sum += a[p * o.Lda] * b[p * width];
                float* c = o.C + (nint)i * o.N + j;
                *c = add ? *c + sum : sum;
            }
        }
    }
}
