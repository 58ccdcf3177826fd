using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>A Keras activation by name (<c>activation: "softmax"</c>): a torch function applied to a layer's outputs.</summary>
/// <remarks>Known names: softmax (over the last axis), sigmoid, relu, tanh, linear (also null or "").</remarks>
public sealed class Activation
{
    private static readonly Dictionary<string, Func<Tensor, Tensor>> Known = new(StringComparer.Ordinal)
    {
        ["softmax"] = z => softmax(z, -1),
        ["sigmoid"] = z => sigmoid(z),
        ["relu"] = z => nn.functional.relu(z),
        ["tanh"] = z => tanh(z),
        ["linear"] = z => z,
    };

    private readonly Func<Tensor, Tensor> _function;

    private Activation(string name, Func<Tensor, Tensor> function) => (Name, _function) = (name, function);

    /// <summary>The Keras name, e.g. "softmax".</summary>
    public string Name { get; }

    /// <summary>The names <see cref="Get"/> accepts.</summary>
    public static IReadOnlyCollection<string> Names => Known.Keys;

    /// <summary>f(<paramref name="z"/>), differentiable by autograd.</summary>
    public Tensor Call(Tensor z) => _function(z);

    /// <summary>The activation for a Keras name; null or "" means linear, as in Keras.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static Activation Get(string? name)
    {
        name = string.IsNullOrEmpty(name) ? "linear" : name;
        if (Known.TryGetValue(name, out var function))
            return new Activation(name, function);
        throw new ArgumentException(
            $"Unknown activation: '{name}'. Expected one of [{string.Join(", ", Known.Keys)}]. Received: activation=\"{name}\".",
            "activation");
    }

    /// <summary>Looks an activation up by its Keras name.</summary>
    public static implicit operator Activation(string name) => Get(name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
