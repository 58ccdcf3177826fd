namespace NotebookMnist.Charts;

/// <summary>Pixel helpers for <see cref="ImageGrid"/>: colour mapping and whole-factor enlarging.</summary>
internal static class Images
{
    /// <summary>RGB bytes of one image, each pixel scaled from the image's min..max into the colormap.</summary>
    public static byte[] Colorize(ReadOnlySpan<float> pixels, Colormap map)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (float p in pixels)
        {
            min = Math.Min(min, p);
            max = Math.Max(max, p);
        }
        double range = max > min ? max - min : 1;
        var rgb = new byte[pixels.Length * 3];
        for (int i = 0; i < pixels.Length; i++)
        {
            var (r, g, b) = map.Map((pixels[i] - min) / range);
            (rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]) = (r, g, b);
        }
        return rgb;
    }

    /// <summary>Enlarges an RGB image by a whole factor, nearest-neighbour.</summary>
    public static byte[] Upscale(byte[] rgb, int width, int height, int factor)
    {
        int outWidth = width * factor;
        var result = new byte[rgb.Length * factor * factor];
        for (int y = 0; y < height * factor; y++)
        {
            for (int x = 0; x < outWidth; x++)
                rgb.AsSpan(((y / factor) * width + x / factor) * 3, 3).CopyTo(result.AsSpan((y * outWidth + x) * 3));
        }
        return result;
    }
}
