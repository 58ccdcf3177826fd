namespace NotebookMnist.Keras;

/// <summary>Every weight set to one value: zeros, ones, or any constant.</summary>
public sealed class Constant(float value = 0f) : Initializer
{
    /// <summary>The value written.</summary>
    public float Value { get; } = value;

    /// <inheritdoc/>
    public override string Name => Value switch { 0f => "zeros", 1f => "ones", _ => "constant" };

    /// <inheritdoc/>
    public override void Fill(Span<float> values, int fanIn, int fanOut, Random random) => values.Fill(Value);
}
