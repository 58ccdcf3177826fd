using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>A trainable layer of a <see cref="Sequential"/> model: a forward pass on tensors and its parameters.</summary>
/// <remarks>Autograd gives the backward pass. Introduced in notebooks/05-keras-mse-to-crossentropy.ipynb.</remarks>
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

    /// <summary>The outputs (batch, Units) for <paramref name="inputs"/> (batch, InputDim).</summary>
    Tensor Forward(Tensor inputs);

    /// <summary>The trainable parameters (requires_grad), which the optimizer updates.</summary>
    IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>The weights as Keras's <c>get_weights()</c> orders and shapes them (Dense: kernel (in, units), bias (units)).</summary>
    IReadOnlyList<Tensor> Weights { get; }
}
