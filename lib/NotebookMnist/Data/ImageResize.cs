namespace NotebookMnist.Data;

/// <summary>Resizes a batch of grey-scale images by bilinear interpolation (d2l's load_data_fashion_mnist(resize=64)).</summary>
/// <remarks>
/// Pixel centres are aligned (align_corners = false, as PIL and torchvision's Resize when enlarging): output pixel
/// (i, j) samples the input at y = (i + ½)·h/h′ − ½, x = (j + ½)·w/w′ − ½, clamped to the image, and mixes the four
/// neighbours: (1−fy)(1−fx)·p00 + (1−fy)fx·p01 + fy(1−fx)·p10 + fy·fx·p11. Images are rows of a (n, h·w) matrix.
/// </remarks>
public static class ImageResize
{
    /// <summary>Returns a new (n, newHeight × newWidth) matrix of the images resized bilinearly.</summary>
    /// <param name="images">(n, height × width) images, one per row.</param>
    /// <param name="height">Input height (28 for MNIST).</param>
    /// <param name="width">Input width (28 for MNIST).</param>
    /// <param name="newHeight">Output height, e.g. 64.</param>
    /// <param name="newWidth">Output width, e.g. 64.</param>
    /// <exception cref="ArgumentException">A size is not positive or images.Cols ≠ height × width.</exception>
    public static Matrix Bilinear(Matrix images, int height, int width, int newHeight, int newWidth)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (height < 1 || width < 1 || newHeight < 1 || newWidth < 1)
            throw new ArgumentException(
                $"Expected positive sizes. Received: height={height}, width={width}, newHeight={newHeight}, newWidth={newWidth}.");
        if (images.Cols != height * width)
            throw new ArgumentException(
                $"Expected `images` of shape (n, {height} × {width}). Received: images.Shape={images.ShapeText}.", nameof(images));
        var (y0, y1, fy) = Taps(height, newHeight);
        var (x0, x1, fx) = Taps(width, newWidth);
        var result = new Matrix(images.Rows, newHeight * newWidth);
        for (int n = 0; n < images.Rows; n++)
        {
            ReadOnlySpan<float> source = images.Row(n);
            Span<float> target = result.Row(n);
            for (int i = 0; i < newHeight; i++)
            {
                ReadOnlySpan<float> top = source.Slice(y0[i] * width, width), bottom = source.Slice(y1[i] * width, width);
                float wy = fy[i];
                for (int j = 0; j < newWidth; j++)
                {
                    float upper = top[x0[j]] + fx[j] * (top[x1[j]] - top[x0[j]]);
                    float lower = bottom[x0[j]] + fx[j] * (bottom[x1[j]] - bottom[x0[j]]);
                    target[i * newWidth + j] = upper + wy * (lower - upper);
                }
            }
        }
        return result;
    }

    /// <summary>Resizes square images (e.g. 28×28 → 64×64), inferring the side from images.Cols.</summary>
    /// <exception cref="ArgumentException">images.Cols is not a perfect square or size &lt; 1.</exception>
    public static Matrix Bilinear(Matrix images, int size)
    {
        ArgumentNullException.ThrowIfNull(images);
        int side = (int)Math.Round(Math.Sqrt(images.Cols));
        if (side * side != images.Cols)
            throw new ArgumentException(
                $"Expected square images (Cols a perfect square). Received: images.Shape={images.ShapeText}.", nameof(images));
        return Bilinear(images, side, side, size, size);
    }

    /// <summary>The PyTorch-style (batch, channels, height, width) shape of one-channel images, e.g. (32, 1, 64, 64).</summary>
    public static (int Batch, int Channels, int Height, int Width) NchwShape(Matrix images, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Cols != height * width)
            throw new ArgumentException(
                $"Expected `images` of shape (n, {height} × {width}). Received: images.Shape={images.ShapeText}.", nameof(images));
        return (images.Rows, 1, height, width);
    }

    /// <summary>For each output index: the two input indices and the weight of the second.</summary>
    private static (int[] Low, int[] High, float[] Weight) Taps(int input, int output)
    {
        var (low, high, weight) = (new int[output], new int[output], new float[output]);
        double scale = (double)input / output;
        for (int o = 0; o < output; o++)
        {
            double position = Math.Clamp((o + 0.5) * scale - 0.5, 0, input - 1);
            low[o] = (int)position;
            high[o] = Math.Min(low[o] + 1, input - 1);
            weight[o] = (float)(position - low[o]);
        }
        return (low, high, weight);
    }
}
