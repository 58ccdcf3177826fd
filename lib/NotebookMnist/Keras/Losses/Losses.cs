namespace NotebookMnist.Keras;

/// <summary>The built-in losses by Keras name: <c>Losses.Get("mse")</c> is a <see cref="MeanSquaredError"/>.</summary>
public static class Losses
{
    private static readonly Dictionary<string, Func<Loss>> Known = new(StringComparer.Ordinal)
    {
        ["mse"] = () => new MeanSquaredError(),
        ["mean_squared_error"] = () => new MeanSquaredError(),
        ["mae"] = () => new MeanAbsoluteError(),
        ["mean_absolute_error"] = () => new MeanAbsoluteError(),
        ["huber"] = () => new Huber(),
        ["categorical_crossentropy"] = () => new CategoricalCrossentropy(),
        ["sparse_categorical_crossentropy"] = () => new SparseCategoricalCrossentropy(),
        ["binary_crossentropy"] = () => new BinaryCrossentropy(),
        ["hinge"] = () => new Hinge(),
        ["categorical_hinge"] = () => new CategoricalHinge(),
    };

    /// <summary>The names <see cref="Get"/> accepts.</summary>
    public static IReadOnlyCollection<string> Names => Known.Keys;

    /// <summary>A new loss for a Keras name such as "mse" or "categorical_crossentropy".</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static Loss Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Known.TryGetValue(name, out var create))
            return create();
        throw new ArgumentException(
            $"Unknown loss: '{name}'. Expected one of [{string.Join(", ", Known.Keys)}]. Received: loss=\"{name}\".", "loss");
    }
}
