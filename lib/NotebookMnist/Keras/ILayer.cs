namespace NotebookMnist.Keras;

/// <summary>A trainable layer of a <see cref="Sequential"/> model: forward pass, backward pass, weights and their gradients.</summary>
/// <remarks>
/// Matrices returned by <see cref="Forward"/> and <see cref="Backward"/> are the layer's reused buffers: valid until the
/// next call. Introduced in notebooks/05-keras-mse-to-crossentropy.ipynb.
/// </remarks>
public interface ILayer
{
    /// <summary>The layer's name, e.g. "dense".</summary>
    string Name { get; }

    /// <summary>The number of outputs per sample.</summary>
    int Units { get; }

    /// <summary>The number of inputs per sample once known (given, or set by <see cref="Build"/>).</summary>
    int? InputDim { get; }

    /// <summary>Whether the weights exist yet.</summary>
    bool Built { get; }

    /// <summary>Creates and initialises the weights for <paramref name="inputDim"/> inputs per sample.</summary>
    void Build(int inputDim);

    /// <summary>The outputs (batch, Units) for <paramref name="inputs"/> (batch, InputDim); keeps what Backward needs.</summary>
    Matrix Forward(Matrix inputs);

    /// <summary>Stores the weight gradients for dL/d outputs and returns dL/d inputs (or null when not asked for).</summary>
    Matrix? Backward(Matrix outputGradient, bool computeInputGradient);

    /// <summary>The weights, as Keras's <c>get_weights()</c> orders them (Dense: kernel, bias).</summary>
    IReadOnlyList<Matrix> Weights { get; }

    /// <summary>The gradients of the last <see cref="Backward"/>, in the order of <see cref="Weights"/>.</summary>
    IReadOnlyList<Matrix> Gradients { get; }
}
