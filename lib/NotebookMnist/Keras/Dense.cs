using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>A fully connected layer: outputs = activation(inputs · kernel + bias), as Keras's <c>Dense</c>.</summary>
/// <remarks>
/// Shapes: inputs (batch, inputDim), outputs (batch, units). Keras's kernel is (inputDim, units); the layer stores
/// its transpose <see cref="Weight"/> (units, inputDim) as torch's <c>nn.Linear</c> does, and computes
/// <c>addmm(bias, inputs, Weightᵀ)</c> (<c>nn.functional.linear</c>), which libtorch multiplies faster.
/// <see cref="Kernel"/> is the (inputDim, units) view. Introduced in notebooks/05-keras-mse-to-crossentropy.ipynb.
/// </remarks>
public sealed class Dense : ILayer
{
    private readonly Initializer _kernelInitializer;
    private readonly Initializer _biasInitializer;
    private readonly int? _seed;
    private Tensor? _weight, _bias;

    /// <summary>Creates the layer; weights are made when the input size is known.</summary>
    /// <param name="units">Number of outputs per sample (positive).</param>
    /// <param name="inputDim">Inputs per sample; needed only on the first layer, and then checked against x.</param>
    /// <param name="activation">"softmax", "sigmoid", "relu", "tanh" or "linear" (default).</param>
    /// <param name="kernelInitializer">Default "glorot_uniform".</param>
    /// <param name="biasInitializer">Default "zeros"; the article uses "one".</param>
    /// <param name="seed">Seeds the layer's generator so the initial weights are repeatable; null draws a random seed.</param>
    /// <param name="inputShape">Keras's <c>input_shape=(784,)</c>, the same as inputDim: 784; one axis only.</param>
    /// <exception cref="ArgumentOutOfRangeException">units or inputDim is not positive.</exception>
    /// <exception cref="ArgumentException">inputShape has other than one axis, or disagrees with inputDim.</exception>
    public Dense(int units, int? inputDim = null, Activation? activation = null,
        Initializer? kernelInitializer = null, Initializer? biasInitializer = null, int? seed = null, int[]? inputShape = null)
    {
        if (units <= 0)
            throw new ArgumentOutOfRangeException(nameof(units), $"Expected `units` to be a positive integer. Received: units={units}.");
        if (inputShape is not null)
        {
            if (inputShape.Length != 1)
                throw new ArgumentException(
                    $"Expected `inputShape` to have one axis, e.g. [784]. Received: inputShape=[{string.Join(", ", inputShape)}].", nameof(inputShape));
            if (inputDim is int given && given != inputShape[0])
                throw new ArgumentException(
                    $"Expected `inputDim` and `inputShape` to agree. Received: inputDim={given}, inputShape=[{inputShape[0]}].", nameof(inputShape));
            inputDim = inputShape[0];
        }
        if (inputDim is <= 0)
            throw new ArgumentOutOfRangeException(nameof(inputDim), $"Expected `inputDim` to be a positive integer. Received: inputDim={inputDim}.");
        Units = units;
        InputDim = inputDim;
        Activation = activation ?? Activation.Get("linear");
        _kernelInitializer = kernelInitializer ?? new GlorotUniform();
        _biasInitializer = biasInitializer ?? new Constant(0f);
        _seed = seed;
        if (inputDim is int d)
            Build(d);
    }

    /// <inheritdoc/>
    public string Name => "dense";

    /// <inheritdoc/>
    public int Units { get; }

    /// <inheritdoc/>
    public int? InputDim { get; private set; }

    /// <summary>The activation applied to inputs · kernel + bias.</summary>
    public Activation Activation { get; }

    /// <inheritdoc/>
    public bool Built => _weight is not null;

    /// <summary>The weight (units, inputDim), torch's layout; requires_grad.</summary>
    /// <exception cref="InvalidOperationException">The layer is not built yet.</exception>
    public Tensor Weight => _weight ?? throw NotBuilt();

    /// <summary>The bias (units); requires_grad.</summary>
    /// <exception cref="InvalidOperationException">The layer is not built yet.</exception>
    public Tensor Bias => _bias ?? throw NotBuilt();

    /// <summary>Keras's kernel (inputDim, units): a transposed view of <see cref="Weight"/>, sharing its memory.</summary>
    public Tensor Kernel => Weight.t();

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Parameters => [Weight, Bias];

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Weights => [Kernel, Bias];

    /// <inheritdoc/>
    public void Build(int inputDim)
    {
        if (inputDim <= 0)
            throw new ArgumentOutOfRangeException(nameof(inputDim), $"Expected `inputDim` to be a positive integer. Received: inputDim={inputDim}.");
        using var generator = new Generator((ulong)(_seed ?? Random.Shared.Next()));
        using var scope = NewDisposeScope();
        // Drawn in Keras's (inputDim, units) order, so a seed gives Keras's element order; stored transposed.
        var kernel = _kernelInitializer.Create([inputDim, Units], inputDim, Units, generator);
        var bias = _biasInitializer.Create([Units], inputDim, Units, generator);
        _weight?.Dispose();
        _bias?.Dispose();
        _weight = kernel.t().contiguous().requires_grad_(true).DetachFromDisposeScope();
        _bias = bias.requires_grad_(true).DetachFromDisposeScope();
        InputDim = inputDim;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">inputs is not (batch, inputDim).</exception>
    public Tensor Forward(Tensor inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.dim() != 2 || inputs.shape[1] != Weight.shape[1])
            throw new ArgumentException(
                $"Expected inputs of shape (batch, {Weight.shape[1]}) for a Dense layer with inputDim={Weight.shape[1]}. " +
                $"Received: inputs.shape={Loss.Shape(inputs)}.", nameof(inputs));
        return Activation.Call(Logits(inputs));
    }

    /// <summary>z = inputs·Wᵀ + b, the outputs before the activation (the loss may start from them, see
    /// <see cref="Loss.FromSoftmaxLogits"/>).</summary>
    internal Tensor Logits(Tensor inputs) => nn.functional.linear(inputs, Weight, Bias);

    /// <summary>Whether the activation is a softmax (a cross-entropy loss may then start from the logits).</summary>
    internal bool HasSoftmax => Activation.Name == "softmax";

    private static InvalidOperationException NotBuilt() =>
        new("This Dense layer has no weights yet: give `inputDim` or add it to a Sequential model and call Compile/Fit.");
}
