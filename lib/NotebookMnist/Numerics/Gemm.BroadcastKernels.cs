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
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        if (s.Rows == BroadcastRows && columns >= TilePanels * Lanes)
        {
            // Whole tile: store straight from the registers, no call on this path.
            float* c1 = c + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc;
            Put(c, c00, s.Add); Put(c + 16, c01, s.Add); Put(c + 32, c02, s.Add); Put(c + 48, c03, s.Add);
            Put(c1, c10, s.Add); Put(c1 + 16, c11, s.Add); Put(c1 + 32, c12, s.Add); Put(c1 + 48, c13, s.Add);
            Put(c2, c20, s.Add); Put(c2 + 16, c21, s.Add); Put(c2 + 32, c22, s.Add); Put(c2 + 48, c23, s.Add);
            Put(c3, c30, s.Add); Put(c3 + 16, c31, s.Add); Put(c3 + 32, c32, s.Add); Put(c3 + 48, c33, s.Add);
            Put(c4, c40, s.Add); Put(c4 + 16, c41, s.Add); Put(c4 + 32, c42, s.Add); Put(c4 + 48, c43, s.Add);
            Put(c5, c50, s.Add); Put(c5 + 16, c51, s.Add); Put(c5 + 32, c52, s.Add); Put(c5 + 48, c53, s.Add);
            return;
        }
        // Ragged tile: spill it to the stack before any call. Vector registers do not survive calls, and a call
        // while the accumulators are live makes the JIT keep them in memory inside the loop.
        V* tile = stackalloc V[BroadcastRows * TilePanels];
        tile[0] = c00; tile[1] = c01; tile[2] = c02; tile[3] = c03; tile[4] = c10; tile[5] = c11;
        tile[6] = c12; tile[7] = c13; tile[8] = c20; tile[9] = c21; tile[10] = c22; tile[11] = c23;
        tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33; tile[16] = c40; tile[17] = c41;
        tile[18] = c42; tile[19] = c43; tile[20] = c50; tile[21] = c51; tile[22] = c52; tile[23] = c53;
        WriteTile(tile, TilePanels, s.Rows, c, ldc, columns, s.Add);
    }

    /// <summary>C[6 rows, 16 columns] (+)= strip · 1 packed panel: the tile for the panels left after groups of 4.</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        V* tile = stackalloc V[BroadcastRows];
        tile[0] = c0; tile[1] = c1; tile[2] = c2; tile[3] = c3; tile[4] = c4; tile[5] = c5;
        WriteTile(tile, 1, s.Rows, c, ldc, columns, s.Add);
    }

    /// <summary>c[0..15] = v, or c[0..15] += v.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Put(float* c, V v, bool add) => (add ? v + Vector512.Load(c) : v).Store(c);

    /// <summary>Writes (or adds) a register tile of <paramref name="rows"/> × <paramref name="panels"/> vectors,
    /// spilled row by row, to C; only the first <paramref name="columns"/> columns, so a ragged last panel never
    /// writes past column n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void WriteTile(V* tile, int panels, int rows, float* c, int ldc, int columns, bool add)
    {
        for (int r = 0; r < rows; r++, c += ldc)
        {
            for (int q = 0; q < panels; q++)
            {
                float* target = c + q * Lanes;
                V v = tile[r * panels + q];
                int count = columns - q * Lanes;
                if (count >= Lanes) (add ? v + Vector512.Load(target) : v).Store(target);
                else if (count > 0) StorePartial(target, count, add, (float*)&tile[r * panels + q]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void StorePartial(float* c, int count, bool add, float* lanes)
    {
        for (int l = 0; l < count; l++) c[l] = add ? c[l] + lanes[l] : lanes[l];
    }
}
