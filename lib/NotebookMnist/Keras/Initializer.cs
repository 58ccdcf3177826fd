using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>Makes a new weight tensor, like a Keras initializer (<c>"glorot_uniform"</c>, <c>"zeros"</c>, <c>"ones"</c>, …).</summary>
/// <remarks>
/// A string converts implicitly through <see cref="Initializers.Get"/>, so <c>new Dense(10, biasInitializer: "one")</c>
/// and <c>biasInitializer: new RandomNormal(0, 0.01, seed: 1)</c> both work.
/// Introduced in notebooks/05-keras-mse-to-crossentropy.ipynb.
/// </remarks>
public abstract class Initializer
{
    /// <summary>The Keras name, e.g. "glorot_uniform".</summary>
    public abstract string Name { get; }

    /// <summary>A new float32 tensor of <paramref name="shape"/>.</summary>
    /// <param name="shape">Keras's order: a kernel is (fanIn, fanOut), a bias (fanOut).</param>
    /// <param name="fanIn">Number of inputs of the layer.</param>
    /// <param name="fanOut">Number of units of the layer.</param>
    /// <param name="generator">The layer's generator, used when the initializer has no seed of its own.</param>
    public abstract Tensor Create(long[] shape, long fanIn, long fanOut, Generator generator);

    /// <summary>Looks an initializer up by its Keras name.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static implicit operator Initializer(string name) => Initializers.Get(name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>Glorot (Xavier) uniform: U(−limit, limit) with limit = √(6 / (fanIn + fanOut)); the Dense kernel default.</summary>
public sealed class GlorotUniform(int? seed = null) : Initializer
{
    /// <summary>The seed, or null to use the layer's generator.</summary>
    public int? Seed { get; } = seed;

    /// <inheritdoc/>
    public override string Name => "glorot_uniform";

    /// <inheritdoc/>
    public override Tensor Create(long[] shape, long fanIn, long fanOut, Generator generator)
    {
        using var own = Seed is int s ? new Generator((ulong)s) : null;
        double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        using var u = rand(shape, ScalarType.Float64, generator: own ?? generator);
        return ((u * 2 - 1) * limit).to(ScalarType.Float32);
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
    public override Tensor Create(long[] shape, long fanIn, long fanOut, Generator generator) =>
        full(shape, Value, ScalarType.Float32);
}

/// <summary>Normal N(mean, stddev²) draws; Keras's default is mean 0, stddev 0.05.</summary>
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
    public override Tensor Create(long[] shape, long fanIn, long fanOut, Generator generator)
    {
        using var own = Seed is int s ? new Generator((ulong)s) : null;
        using var z = randn(shape, ScalarType.Float64, generator: own ?? generator);
        return (z * Stddev + Mean).to(ScalarType.Float32);
    }
}

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
            "initializer");
    }
}
