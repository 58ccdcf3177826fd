using System.Runtime.CompilerServices;

namespace NotebookMnist;

internal static partial class Gemm
{
    /// <summary>Rows of C per register tile of the broadcast kernel.</summary>
    private const int BroadcastRows = 6;

    /// <summary>Panels (of 16 columns) per register tile: 6 rows × 64 columns = 24 accumulators of 32 registers.</summary>
    private const int TilePanels = 4;

    /// <summary>Depth of one k block: a 6-row strip of A (6 KB) stays in L1 while it sweeps the B block.</summary>
    private const int DepthBlock = 256;

    /// <summary>Panels per column block: the packed B block (256 deep × 256 wide, 256 KB) stays in L2.</summary>
    private const int PanelBlock = 16;

    /// <summary>The wide-n strategy: pack B into 16-column panels, then sweep 6 × 64 register tiles.</summary>
    /// <remarks>
    /// Loop order per thread, outermost first: column block (keeps a B block in L2), k block (keeps a strip of A
    /// in L1), 6-row strip, 64-column tile. The first k block writes C (or adds when accumulating); later ones add.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Broadcast(Operands operands)
    {
        int panels = (operands.N + Lanes - 1) / Lanes;
        float[] buffer = RentPacked((long)panels * operands.K * Lanes);
        try
        {
            fixed (float* packed = buffer)
            {
                PackPanels(operands, packed);
                ForRows(operands with { Packed = packed }, BroadcastRows, BroadcastRowRange);
            }
        }
        finally
        {
            ReturnPacked(buffer);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void BroadcastRowRange(Operands o, int firstRow, int endRow)
    {
        int panels = (o.N + Lanes - 1) / Lanes;
        for (int q0 = 0; q0 < panels; q0 += PanelBlock)
        {
            int qEnd = Math.Min(panels, q0 + PanelBlock);
            for (int p0 = 0; p0 < o.K; p0 += DepthBlock)
            {
                int depth = Math.Min(DepthBlock, o.K - p0);
                bool add = o.Accumulate || p0 > 0;
                for (int i = firstRow; i < endRow; i += BroadcastRows)
                {
                    float* a = o.A + i * o.ARowStride + p0 * o.AColStride;
                    int rows = Math.Min(BroadcastRows, endRow - i);
                    var strip = new Strip(a, o.ARowStride, o.AColStride, rows, depth, add);
                    BroadcastStrip(o, strip, i, p0, q0, qEnd);
                }
            }
        }
    }

    /// <summary>Runs one 6-row strip across panels [q0, qEnd): 4 panels at a time, then single panels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void BroadcastStrip(in Operands o, in Strip strip, int i, int p0, int q0, int qEnd)
    {
        nint panelStride = (nint)o.K * Lanes;
        for (int q = q0; q < qEnd; q += TilePanels)
        {
            float* b = o.Packed + q * panelStride + (nint)p0 * Lanes;
            float* c = o.C + (nint)i * o.N + q * Lanes;
            int columns = o.N - q * Lanes;
            if (q + TilePanels <= qEnd) Tile6x64(strip, b, panelStride, c, o.N, columns);
            else
            {
                for (int r = q; r < qEnd; r++, b += panelStride, c += Lanes, columns -= Lanes)
                    Tile6x16(strip, b, c, o.N, columns);
            }
        }
    }

    /// <summary>Up to 6 rows of op(A) over one k block: row r, depth p is at A + r·RowStride + p·ColStride.</summary>
    private readonly unsafe struct Strip(float* a, nint rowStride, nint colStride, int rows, int depth, bool add)
    {
        public readonly float* A = a;
        public readonly nint RowStride = rowStride, ColStride = colStride;
        public readonly int Rows = rows, Depth = depth;
        public readonly bool Add = add;

        /// <summary>Row r of the strip; rows past the edge repeat the last row (computed, never stored).</summary>
        public float* Row(int r) => A + Math.Min(r, Rows - 1) * RowStride;
    }
}
