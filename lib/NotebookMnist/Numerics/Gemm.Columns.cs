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
    /// each op(B)[p, j] is broadcast. A tile is 32 rows × 5 columns (10 accumulators, 2 loads and 5 broadcasts
    /// per step of k). k is cut into blocks of 256 so that the 32-wide strip of A read by the first column
    /// group is still in cache for the second. The tile's columns of C are scattered on store (once per block).
    /// </remarks>
    private static void Columns(Operands operands) => ForRows(operands, ColumnTileRows, ColumnsRowRange);

    private static void ColumnsRowRange(Operands o, int firstRow, int endRow)
    {
        for (int p0 = 0; p0 < o.K; p0 += DepthBlock)
        {
            int depth = Math.Min(DepthBlock, o.K - p0);
            bool add = o.Accumulate || p0 > 0;
            int i = firstRow;
            for (; i + ColumnTileRows <= endRow; i += ColumnTileRows)
            {
                for (int j = 0; j < o.N; j += ColumnGroup) Columns32x5(o, i, j, p0, depth, add);
            }
            for (; i + Lanes <= endRow; i += Lanes)
            {
                for (int j = 0; j < o.N; j += ColumnGroup) Columns16x5(o, i, j, p0, depth, add);
            }
            if (i < endRow) ColumnsScalar(o, i, endRow, p0, depth, add);
        }
    }

    /// <summary>C[i..i+31, j..j+4] (+)= op(A)[i..i+31, block]·op(B)[block, j..j+4]; columns past n repeat the last
    /// column and are not stored.</summary>
    private static unsafe void Columns32x5(in Operands o, int i, int j, int p0, int depth, bool add)
    {
        float* a = o.A + (nint)p0 * o.M + i;
        nint aStep = o.M, bStep = o.BRowStride;
        float* b0 = ColumnOfB(o, p0, j), b1 = ColumnOfB(o, p0, j + 1), b2 = ColumnOfB(o, p0, j + 2);
        float* b3 = ColumnOfB(o, p0, j + 3), b4 = ColumnOfB(o, p0, j + 4);
        V c00 = default, c01 = default, c02 = default, c03 = default, c04 = default;
        V c10 = default, c11 = default, c12 = default, c13 = default, c14 = default;
        for (nint p = 0, bp = 0; p < depth; p++, a += aStep, bp += bStep)
        {
            V x0 = Vector512.Load(a), x1 = Vector512.Load(a + Lanes);
            V y = Vector512.Create(b0[bp]);
            c00 = Vector512.FusedMultiplyAdd(x0, y, c00); c10 = Vector512.FusedMultiplyAdd(x1, y, c10);
            y = Vector512.Create(b1[bp]);
            c01 = Vector512.FusedMultiplyAdd(x0, y, c01); c11 = Vector512.FusedMultiplyAdd(x1, y, c11);
            y = Vector512.Create(b2[bp]);
            c02 = Vector512.FusedMultiplyAdd(x0, y, c02); c12 = Vector512.FusedMultiplyAdd(x1, y, c12);
            y = Vector512.Create(b3[bp]);
            c03 = Vector512.FusedMultiplyAdd(x0, y, c03); c13 = Vector512.FusedMultiplyAdd(x1, y, c13);
            y = Vector512.Create(b4[bp]);
            c04 = Vector512.FusedMultiplyAdd(x0, y, c04); c14 = Vector512.FusedMultiplyAdd(x1, y, c14);
        }
        float* c = o.C + (nint)i * o.N + j;
        StoreColumns5(c, o.N, o.N - j, add, c00, c01, c02, c03, c04);
        StoreColumns5(c + (nint)Lanes * o.N, o.N, o.N - j, add, c10, c11, c12, c13, c14);
    }

    /// <summary>The 16-row version of <see cref="Columns32x5"/>, for the rows left over.</summary>
    private static unsafe void Columns16x5(in Operands o, int i, int j, int p0, int depth, bool add)
    {
        float* a = o.A + (nint)p0 * o.M + i;
        nint aStep = o.M, bStep = o.BRowStride;
        float* b0 = ColumnOfB(o, p0, j), b1 = ColumnOfB(o, p0, j + 1), b2 = ColumnOfB(o, p0, j + 2);
        float* b3 = ColumnOfB(o, p0, j + 3), b4 = ColumnOfB(o, p0, j + 4);
        V c0 = default, c1 = default, c2 = default, c3 = default, c4 = default;
        for (nint p = 0, bp = 0; p < depth; p++, a += aStep, bp += bStep)
        {
            V x = Vector512.Load(a);
            c0 = Vector512.FusedMultiplyAdd(x, Vector512.Create(b0[bp]), c0);
            c1 = Vector512.FusedMultiplyAdd(x, Vector512.Create(b1[bp]), c1);
            c2 = Vector512.FusedMultiplyAdd(x, Vector512.Create(b2[bp]), c2);
            c3 = Vector512.FusedMultiplyAdd(x, Vector512.Create(b3[bp]), c3);
            c4 = Vector512.FusedMultiplyAdd(x, Vector512.Create(b4[bp]), c4);
        }
        StoreColumns5(o.C + (nint)i * o.N + j, o.N, o.N - j, add, c0, c1, c2, c3, c4);
    }

    /// <summary>Rows [i, endRow) (fewer than 16) over one k block, one element at a time.</summary>
    private static unsafe void ColumnsScalar(in Operands o, int i, int endRow, int p0, int depth, bool add)
    {
        for (; i < endRow; i++)
        {
            for (int j = 0; j < o.N; j++)
            {
                float* a = o.A + (nint)p0 * o.M + i, b = ColumnOfB(o, p0, j);
                float sum = 0;
                for (nint p = 0; p < depth; p++) sum += a[p * o.M] * b[p * o.BRowStride];
                float* c = o.C + (nint)i * o.N + j;
                *c = add ? *c + sum : sum;
            }
        }
    }

    /// <summary>Address of op(B)[p0, j], with j clamped to the last column.</summary>
    private static unsafe float* ColumnOfB(in Operands o, int p0, int j) =>
        o.B + p0 * o.BRowStride + Math.Min(j, o.N - 1) * o.BColStride;

    /// <summary>Scatters 5 column vectors (16 rows each) into C with row stride <paramref name="ldc"/>.</summary>
    private static unsafe void StoreColumns5(float* c, int ldc, int columns, bool add, V v0, V v1, V v2, V v3, V v4)
    {
        StoreColumn(c, ldc, add, v0);
        if (columns > 1) StoreColumn(c + 1, ldc, add, v1);
        if (columns > 2) StoreColumn(c + 2, ldc, add, v2);
        if (columns > 3) StoreColumn(c + 3, ldc, add, v3);
        if (columns > 4) StoreColumn(c + 4, ldc, add, v4);
    }

    private static unsafe void StoreColumn(float* c, int ldc, bool add, V v)
    {
        float* lanes = stackalloc float[Lanes];
        v.Store(lanes);
        for (int l = 0; l < Lanes; l++, c += ldc) *c = add ? *c + lanes[l] : lanes[l];
    }
}
