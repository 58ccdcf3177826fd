namespace NotebookMnist;

public static partial class Ops
{
    /// <summary>One-hot encodes class labels: a (labels.Length, numClasses) matrix with a single 1 per row.</summary>
    /// <remarks>Row i is 1 at column labels[i] and 0 elsewhere, like Keras's to_categorical.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">numClasses ≤ 0, or a label outside [0, numClasses).</exception>
    public static Matrix OneHot(ReadOnlySpan<int> labels, int numClasses)
    {
        CheckNumClasses(numClasses);
        return OneHot(labels, numClasses, new Matrix(labels.Length, numClasses));
    }

    /// <summary>Writes the one-hot encoding of <paramref name="labels"/> into <paramref name="destination"/> and returns it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">numClasses ≤ 0, or a label outside [0, numClasses).</exception>
    /// <exception cref="ArgumentException">destination is not (labels.Length, numClasses).</exception>
    public static Matrix OneHot(ReadOnlySpan<int> labels, int numClasses, Matrix destination)
    {
        CheckNumClasses(numClasses);
        CheckDestination("OneHot", destination, labels.Length, numClasses);
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)numClasses)
                throw new ArgumentOutOfRangeException(
                    nameof(labels), $"Expected every label in [0, {numClasses}). Received: labels[{i}]={labels[i]}.");
        }
        destination.AsSpan().Clear();
        for (int i = 0; i < labels.Length; i++)
            destination[i, labels[i]] = 1f;
        return destination;
    }

    private static void CheckNumClasses(int numClasses)
    {
        if (numClasses <= 0)
            throw new ArgumentOutOfRangeException(
                nameof(numClasses), $"Expected `numClasses` to be a positive integer. Received: numClasses={numClasses}.");
    }
}
