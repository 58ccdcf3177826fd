namespace NotebookMnist.Keras;

/// <summary>The Keras initializers by name: glorot_uniform (the Dense kernel default), zeros, ones, random_normal.</summary>
/// <remarks>Aliases follow Keras: "zero" for zeros and "one" (Keras 1's spelling, used by the article) for ones.</remarks>
public static class Initializers
{
    private static readonly Dictionary<string, Func<Initializer>> Known = new(StringComparer.Ordinal)
    {
        ["glorot_uniform"] = () => new GlorotUniform(),
        ["zeros"] = () => new Constant(0f),
        ["zero"] = () => new Constant(0f),
        ["ones"] = () => new Constant(1f),
        ["one"] = () => new Constant(1f),
        ["random_normal"] = () => new RandomNormal(),
    };

    /// <summary>The names <see cref="Get"/> accepts.</summary>
    public static IReadOnlyCollection<string> Names => Known.Keys;

    /// <summary>A new initializer for a Keras name such as "glorot_uniform" or "one".</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static Initializer Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Known.TryGetValue(name, out var create))
            return create();
        throw new ArgumentException(
            $"Unknown initializer: '{name}'. Expected one of [{string.Join(", ", Known.Keys)}]. Received: initializer=\"{name}\".",
            nameof(name));
    }
}

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

/// <summary>Normal N(mean, stddev²) draws (Box–Muller); Keras's default is mean 0, stddev 0.05; d2l uses stddev 0.01.</summary>
public sealed class RandomNormal : Initializer
{
    /// <summary>Creates the initializer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">stddev is negative or not finite.</exception>
    public RandomNormal(double mean = 0.0, double stddev = 0.05, int? seed = null)
    {
        if (!(stddev >= 0) || double.IsInfinity(stddev))
            throw new ArgumentOutOfRangeException(nameof(stddev), $"Expected `stddev` ≥ 0. Received: stddev={stddev}.");
        Mean = mean;
        Stddev = stddev;
        Seed = seed;
    }

    /// <summary>The mean.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation.</summary>
    public double Stddev { get; }

    /// <summary>The seed, or null to use the layer's generator.</summary>
    public int? Seed { get; }

    /// <inheritdoc/>
    public override string Name => "random_normal";

    /// <inheritdoc/>
    public override void Fill(Span<float> values, int fanIn, int fanOut, Random random)
    {
        var rng = Seed is int s ? new Random(s) : random;
        for (int i = 0; i < values.Length; i++)
        {
            // Box–Muller: 1 − U keeps the log argument in (0, 1].
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            double z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            values[i] = (float)(Mean + Stddev * z);
        }
    }
}
