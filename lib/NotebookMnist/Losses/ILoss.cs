namespace NotebookMnist;

/// <summary>A loss with its gradient, in Keras's argument order <c>(yTrue, yPred)</c>.</summary>
/// <remarks>
/// Both arguments are (batch, classes) matrices unless the loss documents otherwise.
/// <see cref="Call"/> is the scalar the optimiser minimises (a mean; each loss documents its exact reduction);
/// <see cref="Gradient(Matrix, Matrix, Matrix)"/> is the gradient of that scalar with respect to yPred, so the
/// batch division is already in it.
/// </remarks>
public interface ILoss
{
    /// <summary>The Keras name, e.g. "mse" or "categorical_crossentropy".</summary>
    string Name { get; }

    /// <summary>The loss of each sample (Keras reduction "none"), length batch.</summary>
    float[] PerSample(Matrix yTrue, Matrix yPred);

    /// <summary>The reduced scalar loss (mean over the batch of <see cref="PerSample"/>).</summary>
    float Call(Matrix yTrue, Matrix yPred);

    /// <summary>Writes d<see cref="Call"/>/d yPred into <paramref name="destination"/> (same shape as yPred).</summary>
    void Gradient(Matrix yTrue, Matrix yPred, Matrix destination);

    /// <summary>d<see cref="Call"/>/d yPred as a new matrix.</summary>
    Matrix Gradient(Matrix yTrue, Matrix yPred)
    {
        var destination = new Matrix(yPred.Rows, yPred.Cols);
        Gradient(yTrue, yPred, destination);
        return destination;
    }
}
