using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NotebookMnist.Data;

/// <summary>Copies rows picked by index into a contiguous float batch, from float rows or from 8-bit pixel rows.</summary>
/// <remarks>
/// A shuffled pass over 60000×784 floats reads 188 MB at random rows, ~25 ms on the 2-core machine. Gathering the
/// same rows from the 8-bit pixels reads 47 MB and converts each byte b to b / 255f on the way (bit-identical to the
/// floats <see cref="PixelScaling"/> made); prefetching the row a few steps ahead hides the random-access latency that
/// the hardware prefetcher cannot guess. Measured: 25–30 ms from floats, ~9 ms from bytes with the prefetch (15 ms
/// without it). For floats, the same prefetch measured no gain, so that path is a plain copy.
/// </remarks>
internal static class RowGather
{
    /// <summary>How many rows ahead of the conversion the prefetch runs.</summary>
    private const int Ahead = 4;

    /// <summary>destination row r = columns [<paramref name="first"/>, first + width) of source row rows[r], for
    /// source rows of <paramref name="cols"/> floats and destination rows of <paramref name="width"/>.</summary>
    public static void Copy(float[] source, int cols, int first, int width, ReadOnlySpan<int> rows, Span<float> destination)
    {
        for (int r = 0; r < rows.Length; r++)
            source.AsSpan(rows[r] * cols + first, width).CopyTo(destination.Slice(r * width, width));
    }

    /// <summary>destination row r = columns [<paramref name="first"/>, first + width) of pixels row rows[r] / 255f,
    /// for pixel rows of <paramref name="cols"/> bytes and destination rows of <paramref name="width"/> floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void FromPixels(byte[] pixels, int cols, int first, int width, ReadOnlySpan<int> rows, Span<float> destination)
    {
        fixed (byte* source = pixels)
        fixed (float* target = destination)
        {
            for (int r = 0; r < rows.Length; r++)
            {
                if (Sse.IsSupported && r + Ahead < rows.Length)
                    Prefetch(source + (nint)rows[r + Ahead] * cols + first, width, toL1: true);
                ToUnitFloats(source + (nint)rows[r] * cols + first, target + (nint)r * width, width);
            }
        }
    }

    /// <summary>destination[i] = source[i] / 255f: 16 pixels per step with AVX-512, then one by one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void ToUnitFloats(byte* source, float* destination, int count)
    {
        int i = 0;
        if (Avx512F.IsSupported)
        {
            var divisor = Vector512.Create(255f);
            for (; i <= count - 16; i += 16)
            {
                var ints = Avx512F.ConvertToVector512Int32(Vector128.Load(source + i));
                (Vector512.ConvertToSingle(ints) / divisor).Store(destination + i);
            }
        }
        for (; i < count; i++)
            destination[i] = source[i] / 255f;
    }

    /// <summary>Starts loading <paramref name="rows"/> of <paramref name="source"/> into the L2 cache (a hint: no wait,
    /// no fault), so that gathering them a step later reads cache rather than memory.</summary>
    /// <remarks>A batch gathered a step after its prefetch took ~half the time of a cold gather (Keras batch 32 from
    /// floats: 13 → 6.5 ms per epoch, measured in a two-core prototype).</remarks>
    /// <param name="source">Rows of <paramref name="cols"/> elements.</param>
    /// <param name="cols">Elements per source row.</param>
    /// <param name="first">The first column to load.</param>
    /// <param name="width">Columns to load from each row.</param>
    /// <param name="rows">The row indices.</param>
    public static unsafe void Prefetch<T>(T[] source, int cols, int first, int width, ReadOnlySpan<int> rows) where T : unmanaged
    {
        if (!Sse.IsSupported) return;
        fixed (T* start = source)
            foreach (int row in rows)
                Prefetch((byte*)(start + (nint)row * cols + first), width * sizeof(T), toL1: false);
    }

    /// <summary>Prefetches every 64-byte line that [start, start + bytes) touches: into L1 for a row about to be
    /// converted, into L2 for one needed a step later.</summary>
    private static unsafe void Prefetch(byte* start, int bytes, bool toL1)
    {
        byte* line = (byte*)((nint)start & ~(nint)63), end = start + bytes;
        for (; line < end; line += 64)
        {
            if (toL1) Sse.Prefetch0(line);
            else Sse.Prefetch1(line);
        }
    }
}
