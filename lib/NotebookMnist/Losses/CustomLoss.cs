using System.Numerics.Tensors;

namespace NotebookMnist;

/// <summary>The loss of one sample: yTrue and yPred are one row each.</summary>
public delegate float SampleLoss(ReadOnlySpan<float> yTrue, ReadOnlySpan<float> yPred);

/// <summary>Writes ∂(sample loss)/∂yPred for one sample (not divided by the batch size) into destination.</summary>
public delegate void SampleLossGradient(ReadOnlySpan<float> yTrue, ReadOnlySpan<float> yPred, Span<float> destination);

/// <summary>A loss built from two delegates: the loss of one sample and its gradient.</summary>
/// <remarks>
/// Reduction: L = (1/n) Σᵢ value(yTrueᵢ, yPredᵢ) over the n rows; the gradient row i is (1/n)·gradient(yTrueᵢ, yPredᵢ),
/// so the delegate gives the per-sample gradient and the batch division is done here. yTrue and yPred must have the
/// same shape. Example, half the squared error of a single output:
/// <c>new CustomLoss("half_squared_error", (y, p) =&gt; 0.5f * (p[0] - y[0]) * (p[0] - y[0]), (y, p, d) =&gt; d[0] = p[0] - y[0])</c>.
/// </remarks>
public sealed class CustomLoss : ILoss
{
    private readonly SampleLoss _value;
    private readonly SampleLossGradient _gradient;

    /// <summary>Creates a loss called <paramref name="name"/> from a per-sample <paramref name="value"/> and its <paramref name="gradient"/>.</summary>
    /// <exception cref="ArgumentException">name is empty or blank.</exception>
    public CustomLoss(string name, SampleLoss value, SampleLossGradient gradient)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException($"Expected `name` to be a non-empty string. Received: name=\"{name}\".", nameof(name));
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(gradient);
        Name = name;
        _value = value;
        _gradient = gradient;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public float[] PerSample(Matrix yTrue, Matrix yPred)
    {
        Validate(yTrue, yPred);
        var result = new float[yPred.Rows];
        for (int i = 0; i < yPred.Rows; i++)
            result[i] = _value(yTrue.Row(i), yPred.Row(i));
        return result;
    }

    /// <inheritdoc/>
    public float Call(Matrix yTrue, Matrix yPred)
    {
        Validate(yTrue, yPred);
        double sum = 0;
        for (int i = 0; i < yPred.Rows; i++)
            sum += _value(yTrue.Row(i), yPred.Row(i));
        return (float)(sum / yPred.Rows);
    }

    /// <inheritdoc/>
    public void Gradient(Matrix yTrue, Matrix yPred, Matrix destination)
    {
        Validate(yTrue, yPred);
        Ops.CheckDestination(Name, destination, yPred.Rows, yPred.Cols);
        Ops.CheckNotAliased(Name, yPred, nameof(yPred), destination);
        for (int i = 0; i < yPred.Rows; i++)
            _gradient(yTrue.Row(i), yPred.Row(i), destination.Row(i));
        TensorPrimitives.Multiply(destination.AsSpan(), 1f / yPred.Rows, destination.AsSpan());
    }

    /// <summary>d<see cref="Call"/>/d yPred as a new matrix (the batch division included).</summary>
    public Matrix Gradient(Matrix yTrue, Matrix yPred)
    {
        ArgumentNullException.ThrowIfNull(yPred);
        var destination = new Matrix(yPred.Rows, yPred.Cols);
        Gradient(yTrue, yPred, destination);
        return destination;
    }

    /// <summary>The name given at construction.</summary>
    public override string ToString() => Name;

    private void Validate(Matrix yTrue, Matrix yPred)
    {
        ArgumentNullException.ThrowIfNull(yPred);
        if (yPred.Rows == 0 || yPred.Cols == 0)
            throw new ArgumentException($"{Name}: expected a non-empty yPred. Received: yPred {yPred.ShapeText}.", nameof(yPred));
        Ops.CheckSameShape(Name, yTrue, yPred, nameof(yTrue), nameof(yPred));
    }
}
