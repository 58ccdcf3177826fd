namespace NotebookMnist.Scratch;

/// <summary>A trainable tensor and its gradient, the part of a PyTorch tensor with <c>requires_grad=True</c> that d2l's <c>sgd</c> uses.</summary>
public sealed class Parameter
{
    /// <summary>Wraps <paramref name="value"/> with a zero gradient of the same shape.</summary>
    public Parameter(string name, Matrix value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Value = value;
        Grad = new Matrix(value.Rows, value.Cols);
    }

    /// <summary>The name, e.g. "W" or "b".</summary>
    public string Name { get; }

    /// <summary>The values, updated in place by <see cref="D2l.Sgd"/>.</summary>
    public Matrix Value { get; }

    /// <summary>The gradient of the summed batch loss, written by the model's backward pass.</summary>
    public Matrix Grad { get; }

    /// <summary>The name and shape, e.g. "W (784, 10)".</summary>
    public override string ToString() => $"{Name} {Value.ShapeText}";
}
