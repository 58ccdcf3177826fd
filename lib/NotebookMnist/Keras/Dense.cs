namespace NotebookMnist.Keras;

/// <summary>A fully connected layer: outputs = activation(inputs · kernel + bias), as Keras's <c>Dense</c>.</summary>
/// <remarks>
/// <para>
/// Shapes: inputs (batch, inputDim), kernel (inputDim, units), bias (1, units), outputs (batch, units).
/// Backward, with G = dL/dz (batch, units): dkernel = inputsᵀ·G, dbias = Σ_batch G, dinputs = G·kernelᵀ.
/// Introduced in notebooks/05-keras-mse-to-crossentropy.ipynb.
/// </para>
/// <para>
/// The input features are split into two blocks (<see cref="InputBlock"/>), and inputs·kernel is always summed as
/// the product over the first block plus the product over the second. The two halves of a training step can then
/// run on two cores, each core owning the rows of the kernel for its block (Keras/SplitInputEpoch.cs), and the
/// result is the same bits whether they do or not.
/// </para>
/// </remarks>
public sealed class Dense : ILayer
{
    private readonly Initializer _kernelInitializer;
    private readonly Initializer _biasInitializer;
    private readonly int? _seed;
    private Matrix? _kernel, _bias, _kernelGrad, _biasGrad;
    private Matrix? _inputs, _z, _zPart, _a, _gradZ, _gradInputs;

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
        for (int block = 0; block < InputBlocks; block++)
            ForwardBlock(inputs.AsSpan()[InputBlock(block).First..], inputs.Cols, inputs.Rows, block);
        return Activate(inputs.Rows);
    }

    /// <inheritdoc/>
    public Matrix? Backward(Matrix outputGradient, bool computeInputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        var inputs = _inputs ?? throw new InvalidOperationException("Call Forward before Backward.");
        var gradZ = BackwardToPreActivations(outputGradient);
        for (int block = 0; block < InputBlocks; block++)
            KernelGradientBlock(inputs.AsSpan()[InputBlock(block).First..], inputs.Cols, block);
        if (!computeInputGradient)
            return null;
        var gradInputs = Buffer(ref _gradInputs, inputs.Rows, inputs.Cols);
        Ops.MatMulTransposeB(gradZ, Kernel, gradInputs);            // (batch, inputDim) = G·kernelᵀ
        return gradInputs;
    }

    /// <summary>The two blocks of input features: inputs·kernel is summed as block 0's product plus block 1's.</summary>
    internal const int InputBlocks = 2;

    /// <summary>Input features [First, First + Count) of <paramref name="block"/> (0 or 1).</summary>
    /// <remarks>Block 0 is the first 16·⌊inputDim / 32⌋ features (a whole number of 16-float vectors, so no
    /// kernel runs a ragged tail), block 1 the rest: 384 and 400 of MNIST's 784. Below 32 inputs block 0 is empty.</remarks>
    internal (int First, int Count) InputBlock(int block)
    {
        int inputs = Kernel.Rows, split = 16 * (inputs / 32);
        return block == 0 ? (0, split) : (split, inputs - split);
    }

    /// <summary>Block <paramref name="block"/>'s part of inputs·kernel for <paramref name="rows"/> samples, into the
    /// layer's buffer for that part: <paramref name="x"/> holds the block's features, rows <paramref name="lda"/> apart.</summary>
    internal void ForwardBlock(ReadOnlySpan<float> x, int lda, int rows, int block)
    {
        var part = Buffer(ref block == 0 ? ref _z : ref _zPart, rows, Units);
        Gemm.Multiply(x, BlockRows(Kernel, block), part.AsSpan(), rows, InputBlock(block).Count, Units, lda: lda);
    }

    /// <summary>Ends a forward pass whose blocks <see cref="ForwardBlock"/> computed: z = part 0 + part 1 + bias,
    /// then the activation.</summary>
    internal Matrix Activate(int rows)
    {
        var z = _z!;
        System.Numerics.Tensors.TensorPrimitives.Add(z.AsSpan(), _zPart!.AsSpan(), z.AsSpan());
        Ops.AddRowVector(z, Bias.Row(0));
        var a = Buffer(ref _a, rows, Units);
        Activation.Forward(z, a);
        return a;
    }

    /// <summary>The first half of the backward pass: G = dL/dz through the activation, and the bias gradient Σ_batch G.</summary>
    internal Matrix BackwardToPreActivations(Matrix outputGradient)
    {
        var z = _z ?? throw new InvalidOperationException("Call Forward before Backward.");
        var gradZ = Buffer(ref _gradZ, z.Rows, Units);                 // dL/dz (batch, units)
        Activation.Backward(z, _a!, outputGradient, gradZ);
        Ops.Sum(gradZ, axis: 0, _biasGrad!);                         // (1, units)
        return gradZ;
    }

    /// <summary>Rows of the kernel gradient for <paramref name="block"/>: x_blockᵀ·G, with G from
    /// <see cref="BackwardToPreActivations"/> and <paramref name="x"/> as in <see cref="ForwardBlock"/>.</summary>
    internal void KernelGradientBlock(ReadOnlySpan<float> x, int lda, int block)
    {
        var gradZ = _gradZ!;
        Gemm.Multiply(x, gradZ.AsSpan(), BlockRows(_kernelGrad!, block),
            InputBlock(block).Count, gradZ.Rows, Units, transposeA: true, lda: lda);   // (count, units) = x_blockᵀ·G
    }

    /// <summary>Updates the kernel rows of <paramref name="block"/> from their gradient (<see cref="KernelGradientBlock"/>).</summary>
    internal void ApplyKernelGradientBlock(IElementwiseOptimizer optimizer, int block) =>
        optimizer.Apply(BlockRows(_kernelGrad!, block), BlockRows(Kernel, block));

    /// <summary>The rows of a (inputDim, units) matrix, the kernel or its gradient, that belong to <paramref name="block"/>.</summary>
    private Span<float> BlockRows(Matrix matrix, int block)
    {
        var (first, count) = InputBlock(block);
        return matrix.AsSpan().Slice(first * Units, count * Units);
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
