namespace NotebookMnist.Charts;

/// <summary>Maps a value in [0, 1] to a colour by linear interpolation between evenly spaced anchor colours.</summary>
/// <remarks>
/// d2l shows Fashion-MNIST with matplotlib's default colormap, viridis; <see cref="Viridis"/> interpolates its
/// colours at 0, 0.1, …, 1 (the largest difference from matplotlib's 256-entry table is a few levels per channel).
/// </remarks>
public sealed class Colormap
{
    private readonly (byte R, byte G, byte B)[] _anchors;

    /// <summary>Creates a colormap from at least two evenly spaced anchor colours, low to high.</summary>
    public Colormap(string name, params (byte R, byte G, byte B)[] anchors)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        if (anchors.Length < 2)
            throw new ArgumentException(
                $"Expected at least 2 anchor colours. Received: {anchors.Length}.", nameof(anchors));
        Name = name;
        _anchors = anchors;
    }

    /// <summary>matplotlib's viridis: dark purple through blue and green to yellow.</summary>
    public static Colormap Viridis { get; } = new("viridis",
        (0x44, 0x01, 0x54), (0x48, 0x25, 0x76), (0x41, 0x44, 0x87), (0x35, 0x60, 0x8D), (0x2A, 0x78, 0x8E),
        (0x21, 0x90, 0x8C), (0x22, 0xA8, 0x84), (0x43, 0xBF, 0x71), (0x7A, 0xD1, 0x51), (0xBB, 0xDF, 0x27),
        (0xFD, 0xE7, 0x25));

    /// <summary>Black (0) to white (1).</summary>
    public static Colormap Gray { get; } = new("gray", (0, 0, 0), (255, 255, 255));

    /// <summary>The colormap's name, e.g. "viridis".</summary>
    public string Name { get; }

    /// <summary>The colour of <paramref name="t"/>, clamped to [0, 1]; NaN maps to the low end.</summary>
    public (byte R, byte G, byte B) Map(double t)
    {
        t = double.IsNaN(t) ? 0 : Math.Clamp(t, 0, 1);
        double position = t * (_anchors.Length - 1);
        int i = Math.Min((int)position, _anchors.Length - 2);
        double f = position - i;
        var (a, b) = (_anchors[i], _anchors[i + 1]);
        return (Lerp(a.R, b.R, f), Lerp(a.G, b.G, f), Lerp(a.B, b.B, f));
    }

    private static byte Lerp(byte a, byte b, double f) => (byte)Math.Round(a + (b - a) * f);

    /// <summary>The colormap's name.</summary>
    public override string ToString() => Name;
}
