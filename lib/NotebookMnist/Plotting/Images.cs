namespace NotebookMnist.Plotting;

/// <summary>d2l's <c>show_images</c> and <c>predict_ch3</c> pictures: grids of small images with titles.</summary>
/// <remarks>Introduced in notebooks/03-dataset.ipynb.</remarks>
public static class Images
{
    /// <summary>Shows the first rows × cols images (one per row of <paramref name="images"/>) in a grid with optional titles.</summary>
    /// <remarks>
    /// Like matplotlib's <c>imshow</c>, each image is scaled from its own min..max to the colormap (default viridis,
    /// as in d2l). <paramref name="scale"/> is d2l's inches per image: each image is enlarged by the largest whole
    /// factor not above scale × 72 / height (3 for 28 × 28 at 1.5, so 2 × 9 fits a notebook), nearest-neighbour.
    /// </remarks>
    public static ImageGrid ShowImages(
        Matrix images, int rows, int cols, IReadOnlyList<string>? titles = null,
        double scale = 1.5, int height = 28, int width = 28, Colormap? colormap = null) =>
        Create(images, rows, cols, titles, wrong: null, scale, height, width, colormap);

    /// <summary>The d2l strip of the first <paramref name="n"/> images titled "true\npredicted"; wrong ones in red.</summary>
    public static ImageGrid ShowPredictions(
        Matrix images, IReadOnlyList<string> trueLabels, IReadOnlyList<string> predictedLabels, int n = 6)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(trueLabels);
        ArgumentNullException.ThrowIfNull(predictedLabels);
        n = Math.Min(n, Math.Min(images.Rows, Math.Min(trueLabels.Count, predictedLabels.Count)));
        if (n < 1)
            throw new ArgumentException(
                $"Expected at least one image with a true and a predicted label. Received: images {images.ShapeText}, " +
                $"{trueLabels.Count} true labels, {predictedLabels.Count} predicted labels.", nameof(images));
        var titles = Enumerable.Range(0, n).Select(i => $"{trueLabels[i]}\n{predictedLabels[i]}").ToArray();
        var wrong = Enumerable.Range(0, n).Select(i => trueLabels[i] != predictedLabels[i]).ToArray();
        int side = (int)Math.Round(Math.Sqrt(images.Cols));
        if (side * side != images.Cols)
            throw new ArgumentException(
                $"Expected square images (e.g. 784 = 28 × 28 columns). Received: images {images.ShapeText}.", nameof(images));
        return Create(images, 1, n, titles, wrong, 1.5, side, side, null);
    }

    private static ImageGrid Create(Matrix images, int rows, int cols, IReadOnlyList<string>? titles,
        IReadOnlyList<bool>? wrong, double scale, int height, int width, Colormap? colormap)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (rows < 1 || cols < 1)
            throw new ArgumentOutOfRangeException(
                nameof(rows), $"Expected `rows` and `cols` to be positive. Received: rows={rows}, cols={cols}.");
        if (images.Cols != height * width)
            throw new ArgumentException(
                $"Expected `images` to have height × width = {height} × {width} = {height * width} columns. " +
                $"Received: images {images.ShapeText}.", nameof(images));
        int count = Math.Min(images.Rows, rows * cols);
        int factor = Math.Max(1, (int)Math.Floor(scale * 72 / height));
        var map = colormap ?? Colormap.Viridis;
        var cells = new byte[count][];
        for (int i = 0; i < count; i++)
            cells[i] = Upscale(Colorize(images.Row(i), map), width, height, factor);
        var allTitles = Enumerable.Range(0, count).Select(i => titles is not null && i < titles.Count ? titles[i] : null).ToArray();
        var allWrong = Enumerable.Range(0, count).Select(i => wrong is not null && wrong[i]).ToArray();
        return new ImageGrid(rows, cols, width * factor, height * factor, cells, allTitles, allWrong);
    }

    /// <summary>RGB bytes of one image, each pixel scaled from the image's min..max into the colormap.</summary>
    internal static byte[] Colorize(ReadOnlySpan<float> pixels, Colormap map)
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
    internal static byte[] Upscale(byte[] rgb, int width, int height, int factor)
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
