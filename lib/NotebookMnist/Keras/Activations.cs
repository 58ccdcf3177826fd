namespace NotebookMnist.Keras;

/// <summary>The Keras activations by name: softmax, sigmoid, relu, tanh, linear (also null or "" for linear).</summary>
public static class Activations
{
    private static readonly Dictionary<string, Func<Activation>> Known = new(StringComparer.Ordinal)
    {
        ["softmax"] = () => new SoftmaxActivation(),
        ["sigmoid"] = () => ElementwiseActivation.Sigmoid,
        ["relu"] = () => ElementwiseActivation.Relu,
        ["tanh"] = () => ElementwiseActivation.Tanh,
        ["linear"] = () => new LinearActivation(),
    };

    /// <summary>The names <see cref="Get"/> accepts.</summary>
    public static IReadOnlyCollection<string> Names => Known.Keys;

    /// <summary>A new activation for a Keras name; null or "" means linear, as in Keras.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static Activation Get(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return new LinearActivation();
        if (Known.TryGetValue(name, out var create))
            return create();
        throw new ArgumentException(
            $"Unknown activation: '{name}'. Expected one of [{string.Join(", ", Known.Keys)}]. Received: activation=\"{name}\".",
            "activation");
    }
}
