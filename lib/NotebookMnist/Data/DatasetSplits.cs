namespace NotebookMnist.Data;

/// <summary>The training and test halves of a dataset, and where they were loaded from.</summary>
/// <param name="Train">The training set (60000 images for MNIST and Fashion-MNIST).</param>
/// <param name="Test">The test set (10000 images).</param>
/// <param name="Source">The source that served the files, e.g. "the system copy /usr/share/datasets/fashion-mnist".</param>
public sealed record DatasetSplits(LabeledImages Train, LabeledImages Test, string Source)
{
    /// <summary>Text like "train: 60000 images of 28×28, 10 classes; test: 10000 …; from …".</summary>
    public override string ToString() => $"train: {Train}; test: {Test}; from {Source}";
}
