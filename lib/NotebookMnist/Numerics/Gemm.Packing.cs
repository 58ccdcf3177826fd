using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NotebookMnist;

internal static partial class Gemm
{
    /// <summary>Rents a scratch buffer for a packed copy of B (pooled, so steady-state calls do not allocate).</summary>
    private static float[] RentPacked(long length) => ArrayPool<float>.Shared.Rent((int)length);

    private static void ReturnPacked(float[] buffer) => ArrayPool<float>.Shared.Return(buffer);

    /// <summary>Copies op(B) into column panels of <see cref="Lanes"/> floats: panel q holds op(B)[p, 16q..16q+15]
    /// at offset (q·k + p)·16, zero-padded past column n.</summary>
    /// <remarks>
    /// The broadcast kernel then reads each B row of a panel as one aligned-stride vector load, whatever the
    /// transpose flag and however ragged n is, and the zero padding makes the ragged last panel harmless.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void PackPanels(in Operands o, float* packed)
    {
        int panels = (o.N + Lanes - 1) / Lanes;
        for (int q = 0; q < panels; q++)
        {
            int j0 = q * Lanes, width = Math.Min(Lanes, o.N - j0);
            float* panel = packed + (nint)q * o.K * Lanes;
            if (!o.TransposeB && width == Lanes)
            {
                for (int p = 0; p < o.K; p++)
                    Vector512.Store(Vector512.Load(o.B + (nint)p * o.N + j0), panel + (nint)p * Lanes);
                continue;
            }
            if (o.TransposeB && width == Lanes)
            {
                PackPanelTransposed(o, j0, panel);
                continue;
            }
            new Span<float>(panel, o.K * Lanes).Clear();
            for (int j = 0; j < width; j++)
            {
                float* source = o.B + (j0 + j) * o.BColStride;
                for (int p = 0; p < o.K; p++) panel[(nint)p * Lanes + j] = source[p * o.BRowStride];
            }
        }
    }

    /// <summary>Fills a full panel from a transposed B: rows j0..j0+15 of the stored B, 16 deep at a time, go
    /// through the register transpose; where a 16-float load would leave B, element by element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void PackPanelTransposed(in Operands o, int j0, float* panel)
    {
        nint k = o.K;
        for (int p0 = 0; p0 < o.K; p0 += Lanes)
        {
            float* source = o.B + j0 * k + p0;
            int count = Math.Min(Lanes, o.K - p0);
            if ((j0 + Lanes - 1) * k + p0 + Lanes <= (long)o.N * k)
            {
                TransposeBlock(source, k, panel + (nint)p0 * Lanes, Lanes, count);
                continue;
            }
            for (int p = 0; p < count; p++)
            {
                for (int j = 0; j < Lanes; j++) panel[(nint)(p0 + p) * Lanes + j] = source[j * k + p];
            }
        }
    }
}
