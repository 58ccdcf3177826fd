using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NotebookMnist.Data;

/// <summary>Converts 8-bit pixels to floats in [0, 1], dividing by 255 (as torchvision's ToTensor and Keras's x / 255).</summary>
/// <remarks>
/// x ↦ x / 255f, a correctly rounded division, so 255 ↦ exactly 1 (multiplying by 1/255f would not guarantee that).
/// Vectorised: 32 bytes are widened to 4 × 8 ints, converted and divided per step.
/// </remarks>
internal static class PixelScaling
{
    /// <summary>destination[i] = source[i] / 255f.</summary>
    /// <exception cref="ArgumentException">destination is shorter than source.</exception>
    public static void ToUnitFloats(ReadOnlySpan<byte> source, Span<float> destination)
    {
        if (destination.Length < source.Length)
            throw new ArgumentException("Destination is too short.", nameof(destination));
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var divisor = Vector256.Create(255f);
            for (; i <= source.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var bytes = Vector256.Create(source.Slice(i, Vector256<byte>.Count));
                var (lo, hi) = Vector256.Widen(bytes);
                Store(lo, divisor, destination.Slice(i, 16));
                Store(hi, divisor, destination.Slice(i + 16, 16));
            }
        }
        for (; i < source.Length; i++)
            destination[i] = source[i] / 255f;
    }

    /// <summary>The 8-bit pixels b with b / 255f == each value bit for bit, or null if any value is not of that form.</summary>
    /// <remarks>
    /// Recovers the bytes the floats were scaled from, so a loader can gather 1 byte per pixel instead of 4 and still
    /// produce exactly the same floats. Any other value (normalised, resized, −0, NaN) returns null. Large arrays are
    /// done in parallel parts: for MNIST's 47 million values most of the time goes to the operating system mapping
    /// the new 47 MB array in (~35 ms on one core; ~12 ms once mapped), which two cores share.
    /// </remarks>
    public static byte[]? TryToPixels(float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var pixels = GC.AllocateUninitializedArray<byte>(values.Length);
        return TryToPixels(values, pixels) ? pixels : null;
    }

    /// <summary>As <see cref="TryToPixels(float[])"/>, into the first values.Length bytes of <paramref name="pixels"/>
    /// (a reused buffer); false if some value is not a pixel b / 255f.</summary>
    /// <exception cref="ArgumentException">pixels is shorter than values.</exception>
    public static bool TryToPixels(float[] values, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length < values.Length)
            throw new ArgumentException($"Expected at least {values.Length} bytes. Received: pixels.Length={pixels.Length}.", nameof(pixels));
        const int PartLength = 1 << 20;
        int parts = (values.Length + PartLength - 1) / PartLength;
        if (parts <= 1)
            return TryToPixels(values, pixels, 0, values.Length);
        bool exact = true;
        Parallel.For(0, parts, (part, state) =>
        {
            int start = part * PartLength;
            if (!TryToPixels(values, pixels, start, Math.Min(PartLength, values.Length - start)))
            {
                exact = false;
                state.Stop();
            }
        });
        return exact;
    }

    /// <summary>Converts values [start, start + count) into pixels; false at the first value that is not b / 255f.</summary>
    private static unsafe bool TryToPixels(float[] values, byte[] pixels, int start, int count)
    {
        int i = start, end = start + count;
        if (Avx512F.IsSupported)
        {
            var scale = Vector512.Create(255f);
            fixed (float* source = values)
            fixed (byte* target = pixels)
            {
                for (; i <= end - 16; i += 16)
                {
                    var v = Vector512.Load(source + i);
                    var k = Avx512F.ConvertToVector512Int32(v * scale);     // rounds to nearest, as MathF.Round
                    var back = Vector512.ConvertToSingle(k) / scale;
                    if (Vector512.GreaterThanAny(k.AsUInt32(), Vector512.Create(255u)) || back.AsInt32() != v.AsInt32())
                        return false;
                    Avx512F.ConvertToVector128Byte(k).Store(target + i);
                }
            }
        }
        for (; i < end; i++)
        {
            float k = MathF.Round(values[i] * 255f);
            if (!(k >= 0 && k <= 255) || BitConverter.SingleToInt32Bits((byte)k / 255f) != BitConverter.SingleToInt32Bits(values[i]))
                return false;
            pixels[i] = (byte)k;
        }
        return true;
    }

    private static void Store(Vector256<ushort> shorts, Vector256<float> divisor, Span<float> destination)
    {
        var (lo, hi) = Vector256.Widen(shorts);
        (Vector256.ConvertToSingle(lo.AsInt32()) / divisor).CopyTo(destination);
        (Vector256.ConvertToSingle(hi.AsInt32()) / divisor).CopyTo(destination[8..]);
    }
}
