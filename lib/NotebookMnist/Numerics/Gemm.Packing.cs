using System.Buffers;
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
            new Span<float>(panel, o.K * Lanes).Clear();
            for (int j = 0; j < width; j++)
            {
                float* source = o.B + (j0 + j) * o.BColStride;
                for (int p = 0; p < o.K; p++) panel[(nint)p * Lanes + j] = source[p * o.BRowStride];
            }
        }
    }
}
