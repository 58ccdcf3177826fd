using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using System.Runtime.Intrinsics;
using V = System.Runtime.Intrinsics.Vector512<float>;

namespace NotebookMnist;

internal static partial class Gemm
{
    /// <summary>C[i..i+31 (or i+15), ·] (+)= op(A)[rows, block]·op(B)[block, ·] for all n (&lt; 16) columns.</summary>
    /// <remarks>
    /// The kernels leave column j of 16 rows in vector j of a 16 × 16 block; a register transpose turns it into
    /// 16 rows of C, each written with one masked store of n lanes instead of n scattered scalars.
    /// </remarks>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void ColumnsTile(in Operands o, int i, int p0, int depth, bool add, bool wide)
    {
        V* block = stackalloc V[2 * Lanes]; // lanes past n are never stored, so no zeroing
        for (int j = 0; j < o.N; j += ColumnGroup)
        {
            if (wide) Columns32x5(o, i, j, p0, depth, block + j, block + Lanes + j);
            else Columns16x5(o, i, j, p0, depth, block + j);
        }
        WriteRows(o, block, i, add);
        if (wide) WriteRows(o, block + Lanes, i + Lanes, add);
    }

    /// <summary>Transposes 16 column vectors and writes (or adds) them as rows i..i+15 of C, n lanes each.</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void WriteRows(in Operands o, V* columns, int i, bool add)
    {
        V* rows = stackalloc V[Lanes];
        TransposeBlock((float*)columns, Lanes, (float*)rows, Lanes, Lanes);
        V mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(o.N)).AsSingle();
        float* c = o.C + (nint)i * o.N;
        for (int r = 0; r < Lanes; r++, c += o.N)
        {
            V v = add ? rows[r] + Avx512F.MaskLoad(c, mask, V.Zero) : rows[r];
            Avx512F.MaskStore(c, mask, v);
        }
    }
}
