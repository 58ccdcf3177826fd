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
    /// produce exactly the same floats. Any other value (normalised, resized, −0, NaN) returns null.
    /// </remarks>
    public static byte[]? TryToPixels(ReadOnlySpan<float> values)
    {
        var pixels = GC.AllocateUninitializedArray<byte>(values.Length);
        int i = 0;
        if (Avx512F.IsSupported)
        {
            var scale = Vector512.Create(255f);
            for (; i <= values.Length - 16; i += 16)
            {
                var v = Vector512.Create(values.Slice(i, 16));
                var k = Vector512.ConvertToInt32(Vector512.Round(v * scale));
                var back = Vector512.ConvertToSingle(k) / scale;
                if (Vector512.GreaterThanAny(k.AsUInt32(), Vector512.Create(255u)) || back.AsInt32() != v.AsInt32())
                    return null;
                Avx512F.ConvertToVector128Byte(k).CopyTo(pixels.AsSpan(i, 16));
            }
        }
        for (; i < values.Length; i++)
        {
            float k = MathF.Round(values[i] * 255f);
            if (!(k >= 0 && k <= 255) || BitConverter.SingleToInt32Bits((byte)k / 255f) != BitConverter.SingleToInt32Bits(values[i]))
                return null;
            pixels[i] = (byte)k;
        }
        return pixels;
    }

    private static void Store(Vector256<ushort> shorts, Vector256<float> divisor, Span<float> destination)
    {
        var (lo, hi) = Vector256.Widen(shorts);
        (Vector256.ConvertToSingle(lo.AsInt32()) / divisor).CopyTo(destination);
        (Vector256.ConvertToSingle(hi.AsInt32()) / divisor).CopyTo(destination[8..]);
    }
}
