using System.Numerics;

namespace NotebookMnist;

/// <summary>Base of the built-in losses: one per-sample formula and its gradient, written once for any float type.</summary>
/// <remarks>
/// Each row i of a (batch, classes) pair gives a per-sample loss lᵢ = ℓ(yTrueᵢ, yPredᵢ) (Keras reduction "none").
/// <see cref="Call"/> is the mean over the batch, L = (1/n) Σᵢ lᵢ, and <see cref="Gradient(Matrix, Matrix, Matrix)"/>
/// writes ∂L/∂yPred, whose row i is (1/n) ∂lᵢ/∂yPredᵢ: the division by the batch size is already in it.
/// The row kernels are generic over <c>T : IFloatingPointIeee754&lt;T&gt;</c>; the library runs them in float and
/// the tests run the very same code in double against finite differences.
/// </remarks>
public abstract class Loss : ILoss
{
    private protected Loss()
    {
    }

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public float[] PerSample(Matrix yTrue, Matrix yPred)
    {
        Validate(yTrue, yPred);
        var result = new float[yPred.Rows];
        PerSample<float>(yTrue.Data, yPred.Data, yPred.Cols, result);
        return result;
    }

    /// <inheritdoc/>
    public float Call(Matrix yTrue, Matrix yPred)
    {
        Validate(yTrue, yPred);
        return Call<float>(yTrue.Data, yPred.Data, yPred.Cols);
    }

    /// <inheritdoc/>
    public void Gradient(Matrix yTrue, Matrix yPred, Matrix destination)
    {
        Validate(yTrue, yPred);
        Ops.CheckDestination(Name, destination, yPred.Rows, yPred.Cols);
        Ops.CheckNotAliased(Name, yPred, nameof(yPred), destination);
        Gradient<float>(yTrue.Data, yPred.Data, yPred.Cols, destination.Data);
    }

    /// <summary>d<see cref="Call"/>/d yPred as a new matrix (the batch division included).</summary>
    public Matrix Gradient(Matrix yTrue, Matrix yPred)
    {
        ArgumentNullException.ThrowIfNull(yPred);
        var destination = new Matrix(yPred.Rows, yPred.Cols);
        Gradient(yTrue, yPred, destination);
        return destination;
    }

    /// <summary>The Keras name, so a loss prints as e.g. "categorical_crossentropy".</summary>
    public override string ToString() => Name;

    /// <summary>The mean over the batch of the per-sample losses; row-major spans, <paramref name="classes"/> columns in yPred.</summary>
    internal T Call<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int classes)
        where T : IFloatingPointIeee754<T>
    {
        int rows = yPred.Length / classes, trueCols = TrueCols(classes);
        T sum = T.Zero;
        for (int i = 0; i < rows; i++)
            sum += SampleValue(yTrue.Slice(i * trueCols, trueCols), yPred.Slice(i * classes, classes));
        return sum / T.CreateChecked(rows);
    }

    /// <summary>Writes the loss of each sample into <paramref name="destination"/> (length batch).</summary>
    internal void PerSample<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int classes, Span<T> destination)
        where T : IFloatingPointIeee754<T>
    {
        int rows = yPred.Length / classes, trueCols = TrueCols(classes);
        for (int i = 0; i < rows; i++)
            destination[i] = SampleValue(yTrue.Slice(i * trueCols, trueCols), yPred.Slice(i * classes, classes));
    }

    /// <summary>Writes ∂(mean loss)/∂yPred into <paramref name="destination"/> (same length as yPred).</summary>
    internal void Gradient<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, int classes, Span<T> destination)
        where T : IFloatingPointIeee754<T>
    {
        int rows = yPred.Length / classes, trueCols = TrueCols(classes);
        T scale = T.One / T.CreateChecked(rows);
        for (int i = 0; i < rows; i++)
        {
            SampleGradient(yTrue.Slice(i * trueCols, trueCols), yPred.Slice(i * classes, classes), scale,
                destination.Slice(i * classes, classes));
        }
    }

    /// <summary>The loss ℓ of one sample.</summary>
    private protected abstract T SampleValue<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred)
        where T : IFloatingPointIeee754<T>;

    /// <summary>Writes scale · ∂ℓ/∂yPred for one sample into <paramref name="destination"/>.</summary>
    private protected abstract void SampleGradient<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, T scale, Span<T> destination)
        where T : IFloatingPointIeee754<T>;

    /// <summary>The number of yTrue columns expected for <paramref name="classes"/> yPred columns (1 for class indices).</summary>
    private protected virtual int TrueCols(int classes) => classes;

    /// <summary>Checks the values of yTrue (e.g. that class indices are in range); shapes are already checked.</summary>
    private protected virtual void ValidateTargets(Matrix yTrue, int classes)
    {
    }

    private void Validate(Matrix yTrue, Matrix yPred)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        if (yPred.Rows == 0 || yPred.Cols == 0)
            throw new ArgumentException(
                $"{Name}: expected a non-empty yPred. Received: yPred {yPred.ShapeText}.", nameof(yPred));
        int trueCols = TrueCols(yPred.Cols);
        if (yTrue.Rows != yPred.Rows || yTrue.Cols != trueCols)
            throw new ArgumentException(
                $"{Name}: expected yTrue of shape ({yPred.Rows}, {trueCols}) for yPred {yPred.ShapeText}. " +
                $"Received: yTrue {yTrue.ShapeText}, yPred {yPred.ShapeText}.", nameof(yTrue));
        ValidateTargets(yTrue, yPred.Cols);
    }
}
