using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using V = System.Runtime.Intrinsics.Vector512<float>;

namespace NotebookMnist;

internal static partial class Gemm
{
    /// <summary>C[6 rows, 64 columns] (+)= strip · 4 packed panels: 24 accumulators stay in registers.</summary>
    /// <remarks>
    /// Per step of k: 4 vector loads of B, 6 broadcasts of A, 24 fused multiply-adds, so the FMA units, not the
    /// loads, set the pace. <paramref name="columns"/> is the number of valid columns from <paramref name="c"/> on.
    /// </remarks>
    private static unsafe void Tile6x64(in Strip s, float* b, nint panelStride, float* c, int ldc, int columns)
    {
        float* a0 = s.Row(0), a1 = s.Row(1), a2 = s.Row(2), a3 = s.Row(3), a4 = s.Row(4), a5 = s.Row(5);
        float* b1 = b + panelStride, b2 = b1 + panelStride, b3 = b2 + panelStride;
        V c00 = default, c01 = default, c02 = default, c03 = default, c10 = default, c11 = default;
        V c12 = default, c13 = default, c20 = default, c21 = default, c22 = default, c23 = default;
        V c30 = default, c31 = default, c32 = default, c33 = default, c40 = default, c41 = default;
        V c42 = default, c43 = default, c50 = default, c51 = default, c52 = default, c53 = default;
        nint step = s.ColStride, end = s.Depth * Lanes;
        for (nint p = 0, ap = 0; p < end; p += Lanes, ap += step)
        {
            V v0 = Vector512.Load(b + p), v1 = Vector512.Load(b1 + p), v2 = Vector512.Load(b2 + p), v3 = Vector512.Load(b3 + p);
            V x = Vector512.Create(a0[ap]);
            c00 = Vector512.FusedMultiplyAdd(x, v0, c00); c01 = Vector512.FusedMultiplyAdd(x, v1, c01);
            c02 = Vector512.FusedMultiplyAdd(x, v2, c02); c03 = Vector512.FusedMultiplyAdd(x, v3, c03);
            x = Vector512.Create(a1[ap]);
            c10 = Vector512.FusedMultiplyAdd(x, v0, c10); c11 = Vector512.FusedMultiplyAdd(x, v1, c11);
            c12 = Vector512.FusedMultiplyAdd(x, v2, c12); c13 = Vector512.FusedMultiplyAdd(x, v3, c13);
            x = Vector512.Create(a2[ap]);
            c20 = Vector512.FusedMultiplyAdd(x, v0, c20); c21 = Vector512.FusedMultiplyAdd(x, v1, c21);
            c22 = Vector512.FusedMultiplyAdd(x, v2, c22); c23 = Vector512.FusedMultiplyAdd(x, v3, c23);
            x = Vector512.Create(a3[ap]);
            c30 = Vector512.FusedMultiplyAdd(x, v0, c30); c31 = Vector512.FusedMultiplyAdd(x, v1, c31);
            c32 = Vector512.FusedMultiplyAdd(x, v2, c32); c33 = Vector512.FusedMultiplyAdd(x, v3, c33);
            x = Vector512.Create(a4[ap]);
            c40 = Vector512.FusedMultiplyAdd(x, v0, c40); c41 = Vector512.FusedMultiplyAdd(x, v1, c41);
            c42 = Vector512.FusedMultiplyAdd(x, v2, c42); c43 = Vector512.FusedMultiplyAdd(x, v3, c43);
            x = Vector512.Create(a5[ap]);
            c50 = Vector512.FusedMultiplyAdd(x, v0, c50); c51 = Vector512.FusedMultiplyAdd(x, v1, c51);
            c52 = Vector512.FusedMultiplyAdd(x, v2, c52); c53 = Vector512.FusedMultiplyAdd(x, v3, c53);
        }
        StoreRow4(c, columns, s.Add, c00, c01, c02, c03);
        if (s.Rows > 1) StoreRow4(c + ldc, columns, s.Add, c10, c11, c12, c13);
        if (s.Rows > 2) StoreRow4(c + 2 * ldc, columns, s.Add, c20, c21, c22, c23);
        if (s.Rows > 3) StoreRow4(c + 3 * ldc, columns, s.Add, c30, c31, c32, c33);
        if (s.Rows > 4) StoreRow4(c + 4 * ldc, columns, s.Add, c40, c41, c42, c43);
        if (s.Rows > 5) StoreRow4(c + 5 * ldc, columns, s.Add, c50, c51, c52, c53);
    }

    /// <summary>C[6 rows, 16 columns] (+)= strip · 1 packed panel: the tile for the panels left after groups of 4.</summary>
    private static unsafe void Tile6x16(in Strip s, float* b, float* c, int ldc, int columns)
    {
        float* a0 = s.Row(0), a1 = s.Row(1), a2 = s.Row(2), a3 = s.Row(3), a4 = s.Row(4), a5 = s.Row(5);
        V c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;
        nint step = s.ColStride, end = s.Depth * Lanes;
        for (nint p = 0, ap = 0; p < end; p += Lanes, ap += step)
        {
            V v = Vector512.Load(b + p);
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[ap]), v, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.Create(a1[ap]), v, c1);
            c2 = Vector512.FusedMultiplyAdd(Vector512.Create(a2[ap]), v, c2);
            c3 = Vector512.FusedMultiplyAdd(Vector512.Create(a3[ap]), v, c3);
            c4 = Vector512.FusedMultiplyAdd(Vector512.Create(a4[ap]), v, c4);
            c5 = Vector512.FusedMultiplyAdd(Vector512.Create(a5[ap]), v, c5);
        }
        StoreVector(c, columns, s.Add, c0);
        if (s.Rows > 1) StoreVector(c + ldc, columns, s.Add, c1);
        if (s.Rows > 2) StoreVector(c + 2 * ldc, columns, s.Add, c2);
        if (s.Rows > 3) StoreVector(c + 3 * ldc, columns, s.Add, c3);
        if (s.Rows > 4) StoreVector(c + 4 * ldc, columns, s.Add, c4);
        if (s.Rows > 5) StoreVector(c + 5 * ldc, columns, s.Add, c5);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void StoreRow4(float* c, int columns, bool add, V v0, V v1, V v2, V v3)
    {
        StoreVector(c, columns, add, v0);
        StoreVector(c + Lanes, columns - Lanes, add, v1);
        StoreVector(c + 2 * Lanes, columns - 2 * Lanes, add, v2);
        StoreVector(c + 3 * Lanes, columns - 3 * Lanes, add, v3);
    }

    /// <summary>Writes (or adds) the first <paramref name="count"/> lanes of <paramref name="v"/> to c; none when
    /// count ≤ 0, so a ragged last panel never writes past column n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void StoreVector(float* c, int count, bool add, V v)
    {
        if (count >= Lanes)
        {
            if (add) v += Vector512.Load(c);
            v.Store(c);
        }
        else if (count > 0)
        {
            StorePartial(c, count, add, v);
        }
    }

    private static unsafe void StorePartial(float* c, int count, bool add, V v)
    {
        float* lanes = stackalloc float[Lanes];
        v.Store(lanes);
        for (int l = 0; l < count; l++) c[l] = add ? c[l] + lanes[l] : lanes[l];
    }
}
