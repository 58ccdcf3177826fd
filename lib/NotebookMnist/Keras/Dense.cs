namespace NotebookMnist.Keras;

/// <summary>A fully connected layer: outputs = activation(inputs · kernel + bias), as Keras's <c>Dense</c>.</summary>
/// <remarks>
/// Shapes: inputs (batch, inputDim), kernel (inputDim, units), bias (1, units), outputs (batch, units).
/// Backward, with G = dL/dz (batch, units): dkernel = inputsᵀ·G, dbias = Σ_batch G, dinputs = G·kernelᵀ.
/// Introduced in notebooks/05-keras-mse-to-crossentropy.ipynb.
/// </remarks>
public sealed class Dense : ILayer
{
    private readonly Initializer _kernelInitializer;
    private readonly Initializer _biasInitializer;
    private readonly int? _seed;
    private Matrix? _kernel, _bias, _kernelGrad, _biasGrad;
    private Matrix? _inputs, _z, _a, _gradZ, _gradInputs;

    /// <summary>Creates the layer; weights are made when the input size is known.</summary>
    /// <param name="units">Number of outputs per sample (positive).</param>
    /// <param name="inputDim">Inputs per sample; needed only on the first layer, and then checked against x.</param>
    /// <param name="activation">"softmax", "sigmoid", "relu", "tanh" or "linear" (default), or an <see cref="Activation"/>.</param>
    /// <param name="kernelInitializer">Default "glorot_uniform".</param>
    /// <param name="biasInitializer">Default "zeros"; the article uses "one".</param>
    /// <param name="seed">Seeds the layer's generator so the initial weights are repeatable; null draws a random seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">units or inputDim is not positive.</exception>
    public Dense(int units, int? inputDim = null, Activation? activation = null,
        Initializer? kernelInitializer = null, Initializer? biasInitializer = null, int? seed = null)
    {
        if (units <= 0)
            throw new ArgumentOutOfRangeException(nameof(units), $"Expected `units` to be a positive integer. Received: units={units}.");
        if (inputDim is <= 0)
            throw new ArgumentOutOfRangeException(nameof(inputDim), $"Expected `inputDim` to be a positive integer. Received: inputDim={inputDim}.");
        Units = units;
        InputDim = inputDim;
        Activation = activation ?? new LinearActivation();
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
    public bool Built => _kernel is not null;

    /// <summary>The kernel (inputDim, units).</summary>
    /// <exception cref="InvalidOperationException">The layer is not built yet.</exception>
    public Matrix Kernel => _kernel ?? throw NotBuilt();

    /// <summary>The bias (1, units).</summary>
    /// <exception cref="InvalidOperationException">The layer is not built yet.</exception>
    public Matrix Bias => _bias ?? throw NotBuilt();

    /// <inheritdoc/>
    public IReadOnlyList<Matrix> Weights => [Kernel, Bias];

    /// <inheritdoc/>
    public IReadOnlyList<Matrix> Gradients => [_kernelGrad ?? throw NotBuilt(), _biasGrad!];

    /// <inheritdoc/>
    public void Build(int inputDim)
    {
        if (inputDim <= 0)
            throw new ArgumentOutOfRangeException(nameof(inputDim), $"Expected `inputDim` to be a positive integer. Received: inputDim={inputDim}.");
        var random = new Random(_seed ?? Random.Shared.Next());
        InputDim = inputDim;
        _kernel = new Matrix(inputDim, Units);
        _bias = new Matrix(1, Units);
        _kernelInitializer.Fill(_kernel.AsSpan(), inputDim, Units, random);
        _biasInitializer.Fill(_bias.AsSpan(), inputDim, Units, random);
        _kernelGrad = new Matrix(inputDim, Units);
        _biasGrad = new Matrix(1, Units);
    }

    /// <inheritdoc/>
    public Matrix Forward(Matrix inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var kernel = Kernel;
        if (inputs.Cols != kernel.Rows)
            throw new ArgumentException(
                $"Expected inputs of shape (batch, {kernel.Rows}) for a Dense layer with inputDim={kernel.Rows}. Received: inputs.shape={inputs.ShapeText}.",
                nameof(inputs));
        _inputs = inputs;
        var z = Buffer(ref _z, inputs.Rows, Units);                 // (batch, units)
        Ops.MatMul(inputs, kernel, z);
        Ops.AddRowVector(z, Bias.Row(0));
        var a = Buffer(ref _a, inputs.Rows, Units);
        Activation.Forward(z, a);
        return a;
    }

    /// <inheritdoc/>
    public Matrix? Backward(Matrix outputGradient, bool computeInputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        var inputs = _inputs ?? throw new InvalidOperationException("Call Forward before Backward.");
        var gradZ = Buffer(ref _gradZ, inputs.Rows, Units);         // dL/dz (batch, units)
        Activation.Backward(_z!, _a!, outputGradient, gradZ);
        Ops.MatMulTransposeA(inputs, gradZ, _kernelGrad!);           // (inputDim, units) = inputsᵀ·G
        Ops.Sum(gradZ, axis: 0, _biasGrad!);                         // (1, units)
        if (!computeInputGradient)
            return null;
        var gradInputs = Buffer(ref _gradInputs, inputs.Rows, inputs.Cols);
        Ops.MatMulTransposeB(gradZ, Kernel, gradInputs);            // (batch, inputDim) = G·kernelᵀ
        return gradInputs;
    }

    private static Matrix Buffer(ref Matrix? buffer, int rows, int cols)
    {
        if (buffer is null || buffer.Rows != rows || buffer.Cols != cols)
            buffer = new Matrix(rows, cols);
        return buffer;
    }

    private static InvalidOperationException NotBuilt() =>
        new("This Dense layer has no weights yet: give `inputDim` or add it to a Sequential model and call Compile/Fit.");
}
