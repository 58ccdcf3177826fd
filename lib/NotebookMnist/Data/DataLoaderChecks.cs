namespace NotebookMnist.Data;

/// <summary>Argument checks of <see cref="DataLoader"/>, Keras style: what was expected, what was received.</summary>
internal static class DataLoaderChecks
{
    /// <summary>Throws <see cref="ArgumentException"/> for a bad batch size, mismatched row counts or out-of-range labels.</summary>
    public static void Validate(Matrix x, int[]? labels, Matrix? y, int batchSize, int oneHotClasses)
    {
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(
                nameof(batchSize), $"Expected `batchSize` to be a positive integer. Received: batchSize={batchSize}.");
        if (oneHotClasses < 0)
            throw new ArgumentOutOfRangeException(
                nameof(oneHotClasses), $"Expected `oneHotClasses` ≥ 0. Received: oneHotClasses={oneHotClasses}.");
        if (labels is not null && labels.Length != x.Rows)
            throw new ArgumentException(
                $"Expected one label per row of x {x.ShapeText}. Received: labels.Length={labels.Length}.", nameof(labels));
        if (y is not null && y.Rows != x.Rows)
            throw new ArgumentException(
                $"Expected x and y with the same number of rows. Received: x.Shape={x.ShapeText}, y.Shape={y.ShapeText}.", nameof(y));
        if (oneHotClasses > 0)
            for (int i = 0; i < labels!.Length; i++)
                if ((uint)labels[i] >= (uint)oneHotClasses)
                    throw new ArgumentException(
                        $"Expected labels in [0, {oneHotClasses}) for one-hot targets. Received: labels[{i}]={labels[i]}.", nameof(labels));
    }
}
