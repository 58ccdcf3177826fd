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
