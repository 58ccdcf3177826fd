using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>A linear stack of layers trained by backpropagation, as Keras's <c>Sequential</c>.</summary>
/// <remarks>
/// <c>new Sequential(new Dense(10, inputDim: 784, activation: "softmax", biasInitializer: "one"))</c>, then
/// <c>Compile(optimizer: new SGD(learningRate: 0.2), loss: "mse", metrics: ["accuracy"])</c> and
/// <c>Fit(x, y, batchSize: 32, epochs: 10)</c> with x float32 (n, 784) and y one-hot float32 (n, 10). Changing
/// <c>"mse"</c> to <c>"categorical_crossentropy"</c> is the article's one-argument experiment.
/// Introduced in notebooks/05-keras-mse-to-crossentropy.ipynb.
/// </remarks>
public sealed partial class Sequential
{
    private readonly List<ILayer> _layers = new();
    private Tensor[] _parameters = [];

    /// <summary>Creates a model from layers in order (more can be added with <see cref="Add"/>).</summary>
    public Sequential(params ILayer[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        foreach (var layer in layers)
            Add(layer);
    }

    /// <summary>The layers, first to last.</summary>
    public IReadOnlyList<ILayer> Layers => _layers;

    /// <summary>The optimizer given to Compile, or null before.</summary>
    public SGD? Optimizer { get; private set; }

    /// <summary>The loss given to Compile, or null before.</summary>
    public Loss? Loss { get; private set; }

    /// <summary>The loss as named in Compile (e.g. "mse"); names the History.</summary>
    public string LossLabel { get; private set; } = "";

    /// <summary>The metric names given to Compile ("accuracy" or "acc").</summary>
    public IReadOnlyList<string> MetricNames { get; private set; } = [];

    /// <summary>The History of the last Fit (Keras's <c>model.history</c>), or null before.</summary>
    public History? History { get; private set; }

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
        _parameters = [];
    }

    /// <summary>Configures training, as Keras's <c>compile</c>.</summary>
    /// <param name="optimizer">The optimizer, e.g. <c>new SGD(learningRate: 0.2)</c>.</param>
    /// <param name="loss">A loss object or a Keras name ("mse", "categorical_crossentropy", … see <see cref="Losses"/>).</param>
    /// <param name="metrics">["accuracy"] (or ["acc"]) to track accuracy; default none.</param>
    /// <exception cref="ArgumentException">Unknown loss or metric name; the message lists the known ones.</exception>
    /// <exception cref="InvalidOperationException">The model has no layers.</exception>
    public void Compile(SGD optimizer, Loss loss, string[]? metrics = null)
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

    /// <summary>Configures training with a loss by Keras name; see <see cref="Compile(SGD, Keras.Loss, string[])"/>.</summary>
    public void Compile(SGD optimizer, string loss, string[]? metrics = null)
    {
        Compile(optimizer, Losses.Get(loss), metrics);
        LossLabel = loss;
    }

    /// <summary>The model's outputs (n, units of the last layer) for inputs <paramref name="x"/> (n, inputDim), in batches, without gradients.</summary>
    /// <exception cref="ArgumentException">x is not float32 (n, inputDim) with n ≥ 1, or batchSize ≤ 0.</exception>
    public Tensor Predict(Tensor x, int batchSize = 32)
    {
        Checks.BatchSize(batchSize);
        EnsureBuilt(x, nameof(x));
        Checks.Inputs(x, _layers[0].InputDim!.Value, nameof(x));
        using var noGrad = no_grad();
        var parts = new List<Tensor>();
        using (var scope = NewDisposeScope())
        {
            for (long start = 0; start < x.shape[0]; start += batchSize)
                parts.Add(Forward(x.narrow(0, start, Math.Min(batchSize, x.shape[0] - start))));
            return cat(parts, 0).MoveToOuterDisposeScope();
        }
    }

    /// <summary>The loss and accuracy on (x, y), averaged over samples as Keras's <c>evaluate</c> does.</summary>
    /// <returns>The mean loss, and the accuracy (NaN when Compile had no metric).</returns>
    /// <exception cref="InvalidOperationException">Compile was not called.</exception>
    /// <exception cref="ArgumentException">Shapes or targets do not fit the model and loss.</exception>
    public (double Loss, double Accuracy) Evaluate(Tensor x, Tensor y, int batchSize = 32)
    {
        var loss = RequireCompiled();
        Checks.BatchSize(batchSize);
        EnsureBuilt(x, nameof(x));
        Checks.Data(x, y, _layers[0].InputDim!.Value, _layers[^1].Units, loss, nameof(x), nameof(y));
        return EvaluateChecked(x, y, batchSize);
    }

    private (double Loss, double Accuracy) EvaluateChecked(Tensor x, Tensor y, int batchSize)
    {
        using var noGrad = no_grad();
        double lossSum = 0;
        long correct = 0, n = x.shape[0];
        for (long start = 0; start < n; start += batchSize)
        {
            using var scope = NewDisposeScope();
            long size = Math.Min(batchSize, n - start);
            var yb = y.narrow(0, start, size);
            var (losses, scores) = BatchLoss(x.narrow(0, start, size), yb, mean: false);
            lossSum += losses.sum().item<float>();
            if (MetricNames.Count > 0) correct += Metrics.CorrectCount(yb, scores);
        }
        return (lossSum / n, MetricNames.Count > 0 ? (double)correct / n : double.NaN);
    }

    /// <summary>The weights of every layer in order (Dense: kernel (in, units), bias), like Keras's <c>get_weights()</c>; views, not copies.</summary>
    public IReadOnlyList<Tensor> GetWeights() => _layers.SelectMany(l => l.Weights).ToList();

    /// <summary>Every trainable parameter, in layer order.</summary>
    public IReadOnlyList<Tensor> Parameters => _parameters;

    /// <summary>The loss of a batch and the scores accuracy reads (argmax): through <see cref="OutputLoss"/> when the
    /// output layer is a softmax Dense, so the loss may start from its logits; otherwise loss(y, ŷ) and ŷ.</summary>
    /// <param name="xb">A batch of inputs (batch, inputDim).</param>
    /// <param name="yb">Its targets, checked against the model before training.</param>
    /// <param name="mean">The batch mean (a scalar) rather than the per-sample losses.</param>
    internal (Tensor Loss, Tensor Scores) BatchLoss(Tensor xb, Tensor yb, bool mean)
    {
        if (_layers[^1] is Dense { HasSoftmax: true } output)
            return OutputLoss(output, output.Logits(Forward(xb, _layers.Count - 1)), yb, mean);
        var yPred = Forward(xb);
        return (LossOf(yb, yPred, mean), yPred);
    }

    /// <summary>The loss and the scores from the logits z of the output layer <paramref name="output"/>: for a softmax
    /// and a loss with that form, the loss from z itself, as tf.keras computes it (<see cref="Loss.FromSoftmaxLogits"/>;
    /// the scores are then z, whose argmax is the softmax's); otherwise loss(y, activation(z)) and activation(z).
    /// Fit's one-layer kernel (DenseStep) goes through here too.</summary>
    internal (Tensor Loss, Tensor Scores) OutputLoss(Dense output, Tensor logits, Tensor yb, bool mean)
    {
        if (output.HasSoftmax && Loss!.FromSoftmaxLogits(yb, logits, mean) is { } fromLogits) return (fromLogits, logits);
        var yPred = output.Activation.Call(logits);
        return (LossOf(yb, yPred, mean), yPred);
    }

    private Tensor LossOf(Tensor yb, Tensor yPred, bool mean) =>
        mean ? Loss!.CallUnchecked(yb, yPred) : Loss!.CallPerSample(yb, yPred);

    /// <summary>Runs the first <paramref name="layers"/> layers forward (all of them by default).</summary>
    internal Tensor Forward(Tensor x, int? layers = null)
    {
        var a = x;
        for (int i = 0; i < (layers ?? _layers.Count); i++)
            a = _layers[i].Forward(a);
        return a;
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
        _parameters = _layers.SelectMany(l => l.Parameters).ToArray();
    }

    private void EnsureBuilt(Tensor x, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (_layers.Count == 0)
            throw new InvalidOperationException("Expected at least one layer. Received: an empty Sequential model.");
        if (x.dim() != 2)
            throw new ArgumentException($"Expected `{name}` to have shape (samples, features). Received: {name}.shape={Loss.Shape(x)}.", name);
        if (_parameters.Length == 0 || !_layers[^1].Built)
            Build(_layers[0].InputDim ?? (int)x.shape[1]);
    }

    private Loss RequireCompiled() =>
        Loss ?? throw new InvalidOperationException(
            "You must call `Compile(optimizer, loss, metrics)` before `Fit` or `Evaluate`. Received: a model that was not compiled.");
}
