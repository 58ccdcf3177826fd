namespace NotebookMnist.Data;

/// <summary>One mini-batch from a <see cref="DataLoader"/>: inputs, labels and optional targets of the same rows.</summary>
/// <remarks>
/// The loader reuses one Batch (and its buffers) for every full batch, and another for the last partial batch,
/// so a batch is only valid until the loader moves to the next one: copy (e.g. <c>X.Clone()</c>) what you keep.
/// </remarks>
public sealed class Batch
{
    internal Batch(int size, int inputs, bool hasLabels, int targetColumns)
    {
        Size = size;
        X = new Matrix(size, inputs);
        Labels = hasLabels ? new int[size] : [];
        Targets = targetColumns > 0 ? new Matrix(size, targetColumns) : null;
    }

    /// <summary>The inputs, (Size, features), e.g. (256, 784).</summary>
    public Matrix X { get; }

    /// <summary>The class index of each row (length Size), or empty when the loader was given targets only.</summary>
    public int[] Labels { get; }

    /// <summary>The targets, (Size, classes): one-hot labels or the rows of the loader's y; null when neither was asked for.</summary>
    public Matrix? Targets { get; }

    /// <summary>The number of rows: the batch size, or fewer for the last partial batch.</summary>
    public int Size { get; }

    /// <summary>The loader's order for the epoch and this batch's first position in it (rows = order[start..start + Size]).</summary>
    internal (int[] Order, int Start) Source { get; set; } = ([], 0);

    /// <summary>Text like "Batch(X=(256, 784), Labels=256, Targets=(256, 10))".</summary>
    public override string ToString() =>
        $"Batch(X={X.ShapeText}, Labels={Labels.Length}{(Targets is null ? "" : $", Targets={Targets.ShapeText}")})";
}
