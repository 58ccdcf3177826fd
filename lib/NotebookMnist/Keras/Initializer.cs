namespace NotebookMnist.Keras;

/// <summary>Fills a new weight tensor, like a Keras initializer (<c>"glorot_uniform"</c>, <c>"zeros"</c>, <c>"ones"</c>, …).</summary>
/// <remarks>
/// A string converts implicitly through <see cref="Initializers.Get"/>, so
/// <c>new Dense(10, biasInitializer: "one")</c> and <c>biasInitializer: new RandomNormal(0, 0.01, seed: 1)</c> both work.
/// Introduced in notebooks/05-keras-mse-to-crossentropy.ipynb.
/// </remarks>
public abstract class Initializer
{
    /// <summary>The Keras name, e.g. "glorot_uniform".</summary>
    public abstract string Name { get; }

    /// <summary>Fills <paramref name="values"/>, a (fanIn, fanOut) kernel or a bias of length fanOut.</summary>
    /// <param name="values">The weights to overwrite.</param>
    /// <param name="fanIn">Number of inputs of the layer.</param>
    /// <param name="fanOut">Number of units of the layer.</param>
    /// <param name="random">The layer's generator, used when the initializer has no seed of its own.</param>
    public abstract void Fill(Span<float> values, int fanIn, int fanOut, Random random);

    /// <summary>Looks an initializer up by its Keras name.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static implicit operator Initializer(string name) => Initializers.Get(name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
