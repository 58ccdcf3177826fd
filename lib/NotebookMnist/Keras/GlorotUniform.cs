namespace NotebookMnist.Keras;

/// <summary>Glorot (Xavier) uniform: U(−limit, limit) with limit = √(6 / (fanIn + fanOut)); the Dense kernel default.</summary>
public sealed class GlorotUniform(int? seed = null) : Initializer
{
    /// <summary>The seed, or null to use the layer's generator.</summary>
    public int? Seed { get; } = seed;

    /// <inheritdoc/>
    public override string Name => "glorot_uniform";

    /// <inheritdoc/>
    public override void Fill(Span<float> values, int fanIn, int fanOut, Random random)
    {
        var rng = Seed is int s ? new Random(s) : random;
        double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)((rng.NextDouble() * 2 - 1) * limit);
    }
}
