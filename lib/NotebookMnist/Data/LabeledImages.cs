using TorchSharp;
using static TorchSharp.torch;
using static NotebookMnist.TensorText;

namespace NotebookMnist.Data;

/// <summary>A set of grey-scale images with one class label each: the train or test half of a dataset.</summary>
/// <remarks>
/// The pixels are kept once, as they are stored: <see cref="Images"/> is a uint8 tensor (n, height, width), Keras's
/// <c>x_train</c>. <see cref="Labels"/> is an int64 tensor (n), Keras's <c>y_train</c> and torchvision's targets.
/// A <see cref="DataLoader"/> makes the float32 batches (b / 255) d2l trains on. Both tensors live as long as this
/// object (they belong to no dispose scope). Introduced in notebooks/03-dataset.ipynb.
/// </remarks>
public sealed class LabeledImages
{
    /// <summary>Wraps images and labels (not copied).</summary>
    /// <param name="images">uint8 (n, height, width) pixels.</param>
    /// <param name="labels">int64 (n) class indices in [0, classNames.Count).</param>
    /// <param name="classNames">The text label of each class index.</param>
    /// <exception cref="ArgumentException">A dtype or shape is wrong, the counts differ, or a label has no class name.</exception>
    public LabeledImages(Tensor images, Tensor labels, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (images.dtype != ScalarType.Byte || images.dim() != 3)
            throw new ArgumentException(
                $"Expected `images` to be a uint8 tensor (n, height, width). Received: images dtype={images.dtype}, shape={Shape(images)}.",
                nameof(images));
        if (labels.dtype != ScalarType.Int64 || labels.dim() != 1)
            throw new ArgumentException(
                $"Expected `labels` to be an int64 tensor (n). Received: labels dtype={labels.dtype}, shape={Shape(labels)}.",
                nameof(labels));
        if (labels.shape[0] != images.shape[0])
            throw new ArgumentException(
                $"Expected one label per image ({images.shape[0]}). Received: labels shape={Shape(labels)}.", nameof(labels));
        CheckRange(labels, classNames.Count);
        Images = images.DetachFromDisposeScope();
        Labels = labels.DetachFromDisposeScope();
        ClassNames = classNames;
    }

    /// <summary>The pixels, uint8 (n, height, width), as stored in the IDX file.</summary>
    public Tensor Images { get; }

    /// <summary>The class index of each image, int64 (n), in [0, <see cref="ClassNames"/>.Count).</summary>
    public Tensor Labels { get; }

    /// <summary>The number of images.</summary>
    public int Count => (int)Labels.shape[0];

    /// <summary>Image height in pixels.</summary>
    public int Height => (int)Images.shape[1];

    /// <summary>Image width in pixels.</summary>
    public int Width => (int)Images.shape[2];

    /// <summary>The text label of each class index, e.g. "t-shirt" for 0 in Fashion-MNIST.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The text label of image <paramref name="index"/>, e.g. "ankle boot".</summary>
    /// <exception cref="ArgumentOutOfRangeException">index is outside [0, Count).</exception>
    public string TextLabel(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(
                nameof(index), $"Expected `index` in [0, {Count}). Received: index={index}.");
        using var label = Labels[index];
        return ClassNames[(int)label.item<long>()];
    }

    /// <summary>Text like "60000 images of 28×28, 10 classes".</summary>
    public override string ToString() => $"{Count} images of {Height}×{Width}, {ClassNames.Count} classes";

    private static void CheckRange(Tensor labels, int classes)
    {
        if (LabelRange.FirstOutside(labels, classes) is var (at, bad))
            throw new ArgumentException(
                $"Expected labels in [0, {classes}) (one per class name). Received: labels[{at}]={bad}.", nameof(labels));
    }
}
