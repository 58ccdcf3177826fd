namespace NotebookMnist.Keras;

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
