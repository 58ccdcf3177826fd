using System.Numerics.Tensors;

namespace NotebookMnist;

internal static partial class Gemm
{
    /// <summary>The fallback without AVX-512: each row of C accumulates rows of op(B) scaled by elements of A.</summary>
    /// <remarks>C[i, ·] += op(A)[i, p]·op(B)[p, ·] for each p, vectorised along n by TensorPrimitives on whatever
    /// vector width the machine has. A transposed B is first copied to (k, n).</remarks>
    private static void Portable(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c,
        int m, int k, int n, bool transposeA, bool transposeB, bool accumulate, int lda)
    {
        float[]? buffer = null;
        if (transposeB)
        {
            buffer = RentPacked((long)k * n);
            for (int j = 0; j < n; j++)
                for (int p = 0; p < k; p++) buffer[p * n + j] = b[j * k + p];
            b = buffer;
        }
        for (int i = 0; i < m; i++)
        {
            Span<float> row = c.Slice(i * n, n);
            if (!accumulate) row.Clear();
            for (int p = 0; p < k; p++)
            {
                float x = transposeA ? a[p * lda + i] : a[i * lda + p];
                TensorPrimitives.MultiplyAdd(b.Slice(p * n, n), x, row, row);
            }
        }
        if (buffer is not null) ReturnPacked(buffer);
    }
}
