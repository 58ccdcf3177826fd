namespace NotebookMnist;

/// <summary>The single-precision matrix multiply kernel behind <c>Ops.MatMul</c>: C = op(A)·op(B) (+ C).</summary>
/// <remarks>
/// Row-major spans. op(A) is (m, k): A is stored (m, k), or (k, m) when <c>transposeA</c>. op(B) is (k, n): B is
/// stored (k, n), or (n, k) when <c>transposeB</c>. C is (m, n); with <c>accumulate</c> the product is added to C.
/// </remarks>
internal static class Gemm
{
    /// <summary>C = op(A)·op(B), or C += op(A)·op(B) when <paramref name="accumulate"/>.</summary>
    public static void Multiply(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c,
        int m, int k, int n,
        bool transposeA = false, bool transposeB = false, bool accumulate = false)
    {
        if (a.Length < (long)m * k) throw new ArgumentException("Input span a is too short.", nameof(a));
        if (b.Length < (long)k * n) throw new ArgumentException("Input span b is too short.", nameof(b));
        if (c.Length < (long)m * n) throw new ArgumentException("Destination is too short.", nameof(c));
        // Reference implementation; the optimised kernel replaces this body.
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0;
                for (int p = 0; p < k; p++)
                {
                    float av = transposeA ? a[p * m + i] : a[i * k + p];
                    float bv = transposeB ? b[j * k + p] : b[p * n + j];
                    sum += av * bv;
                }
                c[i * n + j] = accumulate ? c[i * n + j] + sum : sum;
            }
        }
    }
}
