using NotebookMnist.Charts;
using static TorchSharp.torch;

namespace NotebookMnist.D2l;

public static partial class D2l
{
    /// <summary>d2l's <c>show_images</c>: the first numRows × numCols images in a grid, each with an optional title.</summary>
    /// <param name="imgs">Images as (n, height, width) or (n, 1, height, width), any dtype (uint8 pixels or float32 b/255).</param>
    /// <param name="numRows">Grid rows.</param>
    /// <param name="numCols">Grid columns.</param>
    /// <param name="titles">One title per image ("\n" starts a new line), e.g. <c>D2l.GetFashionMnistLabels(y)</c>; null for none.</param>
    /// <param name="scale">d2l's inches per image (default 1.5).</param>
    /// <returns>An <see cref="ImageGrid"/> that displays as an HTML table of PNGs.</returns>
    /// <remarks>
    /// Like matplotlib's <c>imshow</c> in d2l, each image is scaled from its own min..max into the viridis colormap.
    /// Each image is enlarged by the largest whole factor not above scale × 72 / height (3 for 28 × 28 at 1.5),
    /// nearest-neighbour, so 2 × 9 fits a notebook. Introduced in notebooks/03-dataset.ipynb.
    /// </remarks>
    public static ImageGrid ShowImages(Tensor imgs, int numRows, int numCols, string[]? titles = null, double scale = 1.5)
    {
        ArgumentNullException.ThrowIfNull(imgs);
        if (numRows < 1 || numCols < 1)
            throw new ArgumentOutOfRangeException(
                nameof(numRows), $"Expected `numRows` and `numCols` to be positive. Received: numRows={numRows}, numCols={numCols}.");
        if (!(scale > 0))
            throw new ArgumentOutOfRangeException(nameof(scale), $"Expected `scale` to be positive. Received: scale={scale}.");
        long[] shape = imgs.shape;
        bool withChannel = shape.Length == 4 && shape[1] == 1;
        if (shape.Length != 3 && !withChannel)
            throw new ArgumentException(
                $"Expected `imgs` of shape (n, height, width) or (n, 1, height, width). Received: imgs of shape [{string.Join(", ", shape)}].",
                nameof(imgs));
        int count = (int)Math.Min(shape[0], (long)numRows * numCols);
        int height = (int)shape[^2], width = (int)shape[^1];
        int factor = Math.Max(1, (int)Math.Floor(scale * 72 / height));
        var cells = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            float[] pixels = Pixels(imgs, i);
            cells[i] = Images.Upscale(Images.Colorize(pixels, Colormap.Viridis), width, height, factor);
        }
        var cellTitles = Enumerable.Range(0, count).Select(i => titles is not null && i < titles.Length ? titles[i] : null).ToArray();
        return new ImageGrid(numRows, numCols, width * factor, height * factor, cells, cellTitles, new bool[count]);
    }

    private static float[] Pixels(Tensor imgs, int index)
    {
        using var scope = NewDisposeScope();
        return imgs[index].detach().cpu().to_type(ScalarType.Float32).contiguous().flatten().data<float>().ToArray();
    }
}
