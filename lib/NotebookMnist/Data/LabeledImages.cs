namespace NotebookMnist.Data;

/// <summary>A set of grey-scale images with one class label each: the train or test half of a dataset.</summary>
/// <remarks>
/// <see cref="Images"/> is (n, height × width), row-major, pixels x / 255 in [0, 1]; image i is row i.
/// This is Keras's <c>x_train.reshape(60000, 784) / 255.0</c> and d2l's flattened ToTensor output.
/// Introduced in notebooks/03-dataset.ipynb.
/// </remarks>
public sealed class LabeledImages
{
    /// <summary>Wraps images and labels (not copied).</summary>
    /// <param name="images">(n, height × width) pixels in [0, 1].</param>
    /// <param name="labels">n class indices in [0, classNames.Count).</param>
    /// <param name="height">Image height in pixels (28 for MNIST).</param>
    /// <param name="width">Image width in pixels (28 for MNIST).</param>
    /// <param name="classNames">The text label of each class index.</param>
    /// <exception cref="ArgumentException">The shapes or the number of labels do not match, or a label has no class name.</exception>
    public LabeledImages(Matrix images, int[] labels, int height, int width, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (height <= 0 || width <= 0 || images.Cols != height * width)
            throw new ArgumentException(
                $"Expected `images` of shape (n, height × width) = (n, {height} × {width}). Received: images.Shape={images.ShapeText}.",
                nameof(images));
        if (labels.Length != images.Rows)
            throw new ArgumentException(
                $"Expected one label per image ({images.Rows}). Received: labels.Length={labels.Length}.", nameof(labels));
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)classNames.Count)
                throw new ArgumentException(
                    $"Expected labels in [0, {classNames.Count}) (one per class name). Received: labels[{i}]={labels[i]}.", nameof(labels));
        Images = images;
        Labels = labels;
        Height = height;
        Width = width;
        ClassNames = classNames;
    }

    /// <summary>The images, (n, height × width), pixel values x / 255 in [0, 1].</summary>
    public Matrix Images { get; }

    /// <summary>The class index of each image, in [0, <see cref="ClassNames"/>.Count).</summary>
    public int[] Labels { get; }

    /// <summary>The number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>The text label of each class index, e.g. "t-shirt" for 0 in Fashion-MNIST.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The text label of image <paramref name="index"/>, e.g. "ankle boot".</summary>
    /// <exception cref="ArgumentOutOfRangeException">index is outside [0, Count).</exception>
    public string TextLabel(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(
                nameof(index), $"Expected `index` in [0, {Count}). Received: index={index}.");
        return ClassNames[Labels[index]];
    }

    /// <summary>Text like "60000 images of 28×28, 10 classes".</summary>
    public override string ToString() => $"{Count} images of {Height}×{Width}, {ClassNames.Count} classes";
}
