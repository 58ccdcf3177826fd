using System.Numerics.Tensors;

namespace NotebookMnist;

/// <summary>Classification metrics: how many predictions are right.</summary>
/// <remarks>
/// The predicted class of a row is its argmax (first index on ties), so yPred may hold probabilities or logits.
/// d2l §3.6: for ŷ = [[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]] and y = [0, 2] the accuracy is 0.5.
/// </remarks>
public static class Metrics
{
    /// <summary>The number of rows whose argmax equals the label.</summary>
    /// <exception cref="ArgumentException">labels.Length ≠ yPred.Rows, or yPred has no columns.</exception>
    public static int CorrectCount(Matrix yPred, ReadOnlySpan<int> labels)
    {
        CheckPredictions("CorrectCount", yPred, labels.Length, "labels.Length");
        int correct = 0;
        for (int r = 0; r < yPred.Rows; r++)
            if (TensorPrimitives.IndexOfMax<float>(yPred.Row(r)) == labels[r])
                correct++;
        return correct;
    }

    /// <summary>The number of rows whose argmax equals the argmax of the one-hot row of <paramref name="yTrueOneHot"/>.</summary>
    /// <exception cref="ArgumentException">The shapes differ, or yPred has no columns.</exception>
    public static int CorrectCount(Matrix yPred, Matrix yTrueOneHot)
    {
        Ops.CheckSameShape("CorrectCount", yTrueOneHot, yPred, nameof(yTrueOneHot), nameof(yPred));
        CheckPredictions("CorrectCount", yPred, yTrueOneHot.Rows, "yTrueOneHot.Rows");
        int correct = 0;
        for (int r = 0; r < yPred.Rows; r++)
            if (TensorPrimitives.IndexOfMax<float>(yPred.Row(r)) == TensorPrimitives.IndexOfMax<float>(yTrueOneHot.Row(r)))
                correct++;
        return correct;
    }

    /// <summary>The fraction of rows whose argmax equals the label, in [0, 1].</summary>
    /// <remarks>Accuracy = CorrectCount / n.</remarks>
    /// <exception cref="ArgumentException">labels.Length ≠ yPred.Rows, or yPred is empty.</exception>
    public static double Accuracy(Matrix yPred, ReadOnlySpan<int> labels)
    {
        int correct = CorrectCount(yPred, labels);
        CheckRows("Accuracy", yPred);
        return (double)correct / yPred.Rows;
    }

    /// <summary>The fraction of rows whose argmax equals the argmax of the one-hot target, in [0, 1].</summary>
    /// <exception cref="ArgumentException">The shapes differ, or yPred is empty.</exception>
    public static double Accuracy(Matrix yPred, Matrix yTrueOneHot)
    {
        int correct = CorrectCount(yPred, yTrueOneHot);
        CheckRows("Accuracy", yPred);
        return (double)correct / yPred.Rows;
    }

    private static void CheckPredictions(string op, Matrix yPred, int targets, string targetsText)
    {
        ArgumentNullException.ThrowIfNull(yPred);
        if (yPred.Cols == 0)
            throw new ArgumentException($"{op}: expected yPred with at least one column. Received: yPred {yPred.ShapeText}.", nameof(yPred));
        if (targets != yPred.Rows)
            throw new ArgumentException(
                $"{op}: expected one target per row of yPred. Received: yPred {yPred.ShapeText}, {targetsText}={targets}.",
                "labels");
    }

    private static void CheckRows(string op, Matrix yPred)
    {
        if (yPred.Rows == 0)
            throw new ArgumentException($"{op}: expected a non-empty yPred. Received: yPred {yPred.ShapeText}.", nameof(yPred));
    }
}
