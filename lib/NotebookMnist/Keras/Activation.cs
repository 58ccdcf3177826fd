namespace NotebookMnist.Keras;

/// <summary>An element-wise or row-wise activation a = f(z) with its backward pass, like Keras's <c>activation="softmax"</c>.</summary>
/// <remarks>
/// A string converts implicitly through <see cref="Activations.Get"/>. The forward pass calls <c>Ops</c>; the backward
/// pass turns dL/da into dL/dz. Introduced in notebooks/05-keras-mse-to-crossentropy.ipynb.
/// </remarks>
public abstract class Activation
{
    /// <summary>The Keras name, e.g. "softmax".</summary>
    public abstract string Name { get; }

    /// <summary>Writes f(<paramref name="z"/>) into <paramref name="destination"/> (same shape).</summary>
    public abstract void Forward(Matrix z, Matrix destination);

    /// <summary>Writes dL/dz into <paramref name="gradZ"/> given z, a = f(z) and dL/da.</summary>
    /// <param name="z">The pre-activations (batch, units).</param>
    /// <param name="a">The activations f(z) from <see cref="Forward"/>.</param>
    /// <param name="gradA">dL/da (batch, units).</param>
    /// <param name="gradZ">Destination for dL/dz (batch, units); a different matrix from <paramref name="gradA"/>.</param>
    public abstract void Backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ);

    /// <summary>Looks an activation up by its Keras name.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static implicit operator Activation(string name) => Activations.Get(name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
