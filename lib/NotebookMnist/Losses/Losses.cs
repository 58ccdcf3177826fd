namespace NotebookMnist;

/// <summary>The built-in losses by Keras name, and shared ready-made instances.</summary>
/// <remarks>
/// <c>Compile(loss: Losses.MeanSquaredError)</c> and <c>Compile(loss: Losses.Get("mse"))</c> are the same loss.
/// The shared instances are stateless and safe to reuse.
/// </remarks>
public static class Losses
{
    /// <summary>Mean squared error, Keras "mse".</summary>
    public static MeanSquaredError MeanSquaredError { get; } = new();

    /// <summary>Mean absolute error, Keras "mae".</summary>
    public static MeanAbsoluteError MeanAbsoluteError { get; } = new();

    /// <summary>Huber loss with δ = 1, Keras "huber".</summary>
    public static Huber Huber { get; } = new();

    /// <summary>Categorical cross-entropy on probabilities, Keras "categorical_crossentropy".</summary>
    public static CategoricalCrossentropy CategoricalCrossentropy { get; } = new();

    /// <summary>Sparse categorical cross-entropy on probabilities, Keras "sparse_categorical_crossentropy".</summary>
    public static SparseCategoricalCrossentropy SparseCategoricalCrossentropy { get; } = new();

    /// <summary>Binary cross-entropy on probabilities, Keras "binary_crossentropy".</summary>
    public static BinaryCrossentropy BinaryCrossentropy { get; } = new();

    /// <summary>Hinge loss, Keras "hinge".</summary>
    public static Hinge Hinge { get; } = new();

    /// <summary>Categorical hinge loss, Keras "categorical_hinge".</summary>
    public static CategoricalHinge CategoricalHinge { get; } = new();

    // Declared after the instances: static initialisers run in textual order.
    private static readonly Dictionary<string, ILoss> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mse"] = MeanSquaredError,
        ["mean_squared_error"] = MeanSquaredError,
        ["mae"] = MeanAbsoluteError,
        ["mean_absolute_error"] = MeanAbsoluteError,
        ["huber"] = Huber,
        ["categorical_crossentropy"] = CategoricalCrossentropy,
        ["sparse_categorical_crossentropy"] = SparseCategoricalCrossentropy,
        ["binary_crossentropy"] = BinaryCrossentropy,
        ["hinge"] = Hinge,
        ["categorical_hinge"] = CategoricalHinge,
    };

    /// <summary>The names <see cref="Get"/> accepts, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = Known.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The loss with Keras name <paramref name="name"/> (case-insensitive), e.g. "mse" or "categorical_crossentropy".</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static ILoss Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Known.TryGetValue(name.Trim(), out var loss))
            return loss;
        throw new ArgumentException(
            $"Unknown loss: \"{name}\". Expected one of: {string.Join(", ", Names)}.", nameof(name));
    }
}
