namespace NotebookMnist.Keras;

/// <summary>A linear stack of layers trained by backpropagation, as Keras's <c>Sequential</c>.</summary>
/// <remarks>
/// <c>new Sequential(new Dense(10, inputDim: 784, activation: "softmax", biasInitializer: "one"))</c>, then
/// <c>Compile(optimizer: new SGD(learningRate: 0.2f), loss: "mse", metrics: ["accuracy"])</c> and
/// <c>Fit(x, y, batchSize: 32, epochs: 10)</c>. Changing <c>"mse"</c> to <c>"categorical_crossentropy"</c> is the
/// article's one-argument experiment. Introduced in notebooks/05-keras-mse-to-crossentropy.ipynb.
/// </remarks>
public sealed partial class Sequential
{
    private readonly List<ILayer> _layers = new();
    private List<(Matrix Gradient, Matrix Variable)>? _gradientsAndVariables, _allButFirstKernel;
    private Matrix? _lossGradient, _output;

    /// <summary>Creates a model from layers in order (more can be added with <see cref="Add"/>).</summary>
    public Sequential(params ILayer[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        foreach (var layer in layers)
            Add(layer);
    }

    /// <summary>The layers, first to last.</summary>
    public IReadOnlyList<ILayer> Layers => _layers;

    /// <summary>The optimizer given to <see cref="Compile(IOptimizer, ILoss, string[])"/>, or null before.</summary>
    public IOptimizer? Optimizer { get; private set; }

    /// <summary>The loss given to Compile, or null before.</summary>
    public ILoss? Loss { get; private set; }

    /// <summary>The loss as named in Compile (e.g. "mse"); names the History.</summary>
    public string LossLabel { get; private set; } = "";

    /// <summary>The metric names given to Compile ("accuracy" or "acc").</summary>
    public IReadOnlyList<string> MetricNames { get; private set; } = [];

    /// <summary>Appends a layer.</summary>
    /// <exception cref="ArgumentException">The layer's inputDim differs from the previous layer's units.</exception>
    public void Add(ILayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (_layers.Count > 0 && layer.InputDim is int d && d != _layers[^1].Units)
            throw new ArgumentException(
                $"Expected layer {_layers.Count} to take the previous layer's {_layers[^1].Units} units as input. Received: inputDim={d}.",
                nameof(layer));
        _layers.Add(layer);
        _gradientsAndVariables = _allButFirstKernel = null;
    }

    /// <summary>Configures training with a loss name: "mse", "categorical_crossentropy", … (see <c>Losses.Get</c>).</summary>
    /// <exception cref="ArgumentException">Unknown loss or metric name; the message lists the known ones.</exception>
    public void Compile(IOptimizer optimizer, string loss, string[]? metrics = null)
    {
        Compile(optimizer, Losses.Get(loss), metrics);
        LossLabel = loss;
    }

    /// <summary>Configures training with any <see cref="ILoss"/>, e.g. <c>new CategoricalCrossentropy()</c>.</summary>
    /// <exception cref="ArgumentException">Unknown metric name, or the model has no layers.</exception>
    public void Compile(IOptimizer optimizer, ILoss loss, string[]? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(loss);
        if (_layers.Count == 0)
            throw new InvalidOperationException("Expected at least one layer before Compile. Received: an empty Sequential model.");
        foreach (var m in metrics ?? [])
            if (m is not ("accuracy" or "acc"))
                throw new ArgumentException(
                    $"Unknown metric: '{m}'. Expected one of [accuracy, acc]. Received: metrics=[{string.Join(", ", metrics!)}].",
                    nameof(metrics));
        Optimizer = optimizer;
        Loss = loss;
        LossLabel = loss.Name;
        MetricNames = metrics ?? [];
        if (_layers[0].InputDim is int inputDim)
            Build(inputDim);
    }

    /// <summary>The model's outputs (n, units of the last layer) for inputs <paramref name="x"/> (n, inputDim), in batches.</summary>
    /// <exception cref="ArgumentException">x has the wrong number of columns.</exception>
    public Matrix Predict(Matrix x, int batchSize = 32)
    {
        ArgumentNullException.ThrowIfNull(x);
        Checks.BatchSize(batchSize);
        EnsureBuilt(x, nameof(x));
        var result = new Matrix(x.Rows, _layers[^1].Units);
        ForEachChunk(x, null, batchSize, (start, xb, _) =>
            Forward(xb).AsSpan().CopyTo(result.Data.AsSpan(start * result.Cols)));
        return result;
    }

    /// <summary>The loss and accuracy on (x, y), averaged over samples as Keras's <c>evaluate</c> does.</summary>
    /// <exception cref="InvalidOperationException">Compile was not called.</exception>
    /// <exception cref="ArgumentException">Shapes or targets do not fit the model and loss.</exception>
    public (double Loss, double Accuracy) Evaluate(Matrix x, Matrix y, int batchSize = 32)
    {
        var loss = RequireCompiled();
        Checks.BatchSize(batchSize);
        EnsureBuilt(x, nameof(x));
        Checks.Data(x, y, _layers[0].InputDim!.Value, _layers[^1].Units, loss, nameof(x), nameof(y));
        double lossSum = 0;
        long correct = 0;
        ForEachChunk(x, y, batchSize, (_, xb, yb) =>
        {
            var yPred = Forward(xb);
            lossSum += (double)loss.Call(yb!, yPred) * xb.Rows;
            correct += Metrics.CorrectCount(yPred, yb!);
        });
        return (lossSum / x.Rows, (double)correct / x.Rows);
    }

    /// <summary>The weights of every layer in order (Dense: kernel, bias), like Keras's <c>get_weights()</c>; live, not copies.</summary>
    public IReadOnlyList<Matrix> GetWeights() => _layers.SelectMany(l => l.Weights).ToList();

    /// <summary>Runs every layer forward; the result is the last layer's reused buffer.</summary>
    internal Matrix Forward(Matrix x)
    {
        var a = x;
        foreach (var layer in _layers)
            a = layer.Forward(a);
        return a;
    }

    /// <summary>One SGD step on a batch: forward, loss, backward, update. Returns the batch loss and correct count.</summary>
    /// <param name="xb">The batch inputs.</param>
    /// <param name="yb">The batch targets.</param>
    /// <param name="labels">argmax of each target row, to count correct predictions; null to skip counting.</param>
    internal (float Loss, int Correct) TrainStep(Matrix xb, Matrix yb, int[]? labels)
    {
        var result = LossAndGradient(Forward(xb), yb, labels);
        BackwardDownTo(0);
        Optimizer!.ApplyGradients(_gradientsAndVariables!);
        return result;
    }

    /// <summary>The part of a training step that the first layer's kernel gradient waits for (see
    /// Keras/SplitInputEpoch.cs): the forward pass from the first layer's activation on, dL/dyPred, and the backward
    /// pass down to the first layer's dL/dz. <see cref="FinishStep"/> does the rest.</summary>
    /// <param name="first">The first layer, after <see cref="Dense.ForwardBlock"/> on every block of the batch.</param>
    /// <param name="yb">The batch targets.</param>
    internal void StepToFirstGradient(Dense first, Matrix yb)
    {
        var a = first.Activate(yb.Rows);
        for (int i = 1; i < _layers.Count; i++)
            a = _layers[i].Forward(a);
        _output = a;
        LossGradient(a, yb);
        first.BackwardToPreActivations(BackwardDownTo(1)!);
    }

    /// <summary>The rest of a step begun by <see cref="StepToFirstGradient"/>, which nothing in the first layer's
    /// kernel gradient needs: the batch loss and correct count, and the update of every variable but the first
    /// layer's kernel. Call it before the next step's <see cref="StepToFirstGradient"/>, with the same targets.</summary>
    internal (float Loss, int Correct) FinishStep(Matrix yb, int[]? labels)
    {
        var result = LossAndMetric(_output!, yb, labels);
        Optimizer!.ApplyGradients(AllButFirstKernel);
        return result;
    }

    /// <summary>Every (gradient, variable) pair but the first, the first layer's kernel.</summary>
    private IReadOnlyList<(Matrix Gradient, Matrix Variable)> AllButFirstKernel =>
        _allButFirstKernel ??= _gradientsAndVariables!.Skip(1).ToList();

    /// <summary>The batch loss and correct count of predictions <paramref name="yPred"/>, and dL/dyPred into the
    /// loss-gradient buffer.</summary>
    private (float Loss, int Correct) LossAndGradient(Matrix yPred, Matrix yb, int[]? labels)
    {
        var result = LossAndMetric(yPred, yb, labels);
        LossGradient(yPred, yb);
        return result;
    }

    private (float Loss, int Correct) LossAndMetric(Matrix yPred, Matrix yb, int[]? labels) =>
        (Loss!.Call(yb, yPred), labels is null ? 0 : Metrics.CorrectCount(yPred, labels));

    /// <summary>dL/dyPred, batch mean included, into the loss-gradient buffer.</summary>
    private void LossGradient(Matrix yPred, Matrix yb)
    {
        if (_lossGradient is null || _lossGradient.Rows != yPred.Rows || _lossGradient.Cols != yPred.Cols)
            _lossGradient = new Matrix(yPred.Rows, yPred.Cols);
        Loss!.Gradient(yb, yPred, _lossGradient);
    }

    /// <summary>Backpropagates the loss gradient through the layers from the last down to <paramref name="last"/>
    /// (each stores its weight gradients) and returns dL/d(inputs of layer <paramref name="last"/>), or null for 0.</summary>
    private Matrix? BackwardDownTo(int last)
    {
        Matrix? g = _lossGradient;
        for (int i = _layers.Count - 1; i >= last; i--)
            g = _layers[i].Backward(g!, computeInputGradient: i > 0);
        return g;
    }

    private void Build(int inputDim)
    {
        int d = inputDim;
        foreach (var layer in _layers)
        {
            if (!layer.Built) layer.Build(d);
            else if (layer.InputDim != d)
                throw new ArgumentException(
                    $"Expected layer '{layer.Name}' to take {d} inputs. Received: a layer built with inputDim={layer.InputDim}.");
            d = layer.Units;
        }
        _gradientsAndVariables = _layers
            .SelectMany(l => l.Gradients.Zip(l.Weights, (g, w) => (g, w)))
            .ToList();
        _allButFirstKernel = null;
    }

    private void EnsureBuilt(Matrix x, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (_layers.Count == 0)
            throw new InvalidOperationException("Expected at least one layer. Received: an empty Sequential model.");
        int expected = _layers[0].InputDim ?? x.Cols;
        Checks.InputDim(x, expected, name);
        if (_gradientsAndVariables is null || !_layers[^1].Built)
            Build(expected);
    }

    private ILoss RequireCompiled() =>
        Loss ?? throw new InvalidOperationException(
            "You must call `Compile(optimizer, loss, metrics)` before `Fit` or `Evaluate`. Received: a model that was not compiled.");
}
