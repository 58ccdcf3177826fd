using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Keras;

public sealed partial class Sequential
{
    /// <summary>Trains for <paramref name="epochs"/> passes over (x, y) with mini-batch SGD, as Keras's <c>fit</c>.</summary>
    /// <param name="x">Inputs float32 (n, inputDim), e.g. images b / 255 as (60000, 784).</param>
    /// <param name="y">Targets float32 (n, units), one-hot for categorical losses (<c>Utils.ToCategorical(labels, 10)</c>);
    /// int64 labels (n) for sparse_categorical_crossentropy.</param>
    /// <param name="batchSize">Samples per update (Keras default 32); the last partial batch is kept.</param>
    /// <param name="epochs">Passes over the data (Keras default 1).</param>
    /// <param name="shuffle">Reshuffle the sample order before every epoch (Keras default true).</param>
    /// <param name="validationData">Optional (xVal, yVal) evaluated after every epoch: "val_loss", "val_accuracy".</param>
    /// <param name="verbose">0 silent, 1 progress bar (in place on an interactive console), 2 one line per epoch.</param>
    /// <param name="callbacks">Called at epoch and batch boundaries; a <see cref="TerminateOnNaN"/> is added when none is given.</param>
    /// <param name="seed">Seeds the shuffling; with seeded layers the run is the same bits every time.</param>
    /// <param name="output">Where the progress goes; default <see cref="Console.Out"/>.</param>
    /// <param name="validationSplit">Fraction in [0, 1) of the samples, taken from the end of x and y before shuffling
    /// as Keras does, held out and evaluated after every epoch; ignored when <paramref name="validationData"/> is given.</param>
    /// <returns>Per-epoch "loss" and metrics (running averages over the epoch's batches, as Keras logs them).</returns>
    /// <exception cref="InvalidOperationException">Compile was not called.</exception>
    /// <exception cref="ArgumentException">Shapes, targets or arguments are invalid; the message names them.</exception>
    /// <exception cref="NonFiniteLossException">The loss became NaN or infinite; it names the epoch and step and carries the History so far.</exception>
    public History Fit(Tensor x, Tensor y, int batchSize = 32, int epochs = 1, bool shuffle = true,
        (Tensor X, Tensor Y)? validationData = null, int verbose = 1, IEnumerable<Callback>? callbacks = null,
        int? seed = null, TextWriter? output = null, double validationSplit = 0)
    {
        var loss = RequireCompiled();
        Checks.BatchSize(batchSize);
        Checks.Epochs(epochs);
        Checks.Verbose(verbose);
        Checks.ValidationSplit(validationSplit);
        EnsureBuilt(x, nameof(x));
        int inputDim = _layers[0].InputDim!.Value, units = _layers[^1].Units;
        Checks.Data(x, y, inputDim, units, loss, nameof(x), nameof(y));
        if (validationData is null && validationSplit > 0)
            (x, y, validationData) = Split(x, y, validationSplit);
        if (validationData is (Tensor xVal, Tensor yVal))
            Checks.Data(xVal, yVal, inputDim, units, loss, "validationData.X", "validationData.Y");

        var history = History = new History(LossLabel);
        var callbackList = (callbacks ?? []).ToList();
        if (!callbackList.OfType<TerminateOnNaN>().Any())
            callbackList.Insert(0, new TerminateOnNaN());
        long n = x.shape[0];
        int steps = (int)((n + batchSize - 1) / batchSize);
        foreach (var c in callbackList) { c.Model = this; c.Params = (epochs, steps); c.OnTrainBegin(); }
        using var generator = new Generator((ulong)(seed ?? Random.Shared.Next()));
        bool accuracy = MetricNames.Count > 0;
        (string Name, double Value)[] values = accuracy ? [("loss", 0), (MetricNames[0], 0)] : [("loss", 0)];
        var batchLogs = new Dictionary<string, double>(StringComparer.Ordinal);
        var writer = output ?? Console.Out;
        using var denseStep = UseDenseStep ? DenseStep.TryCreate(this, x, y, batchSize) : null;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var c in callbackList) c.OnEpochBegin(epoch);
            if (verbose > 0) writer.WriteLine($"Epoch {epoch + 1}/{epochs}");
            var progbar = verbose > 0 ? new Progbar(steps, output, interactive: verbose == 1 ? null : false) : null;
            double lossSum = 0;
            long correct = 0, seen = 0;
            using (var order = shuffle ? randperm(n, generator: generator) : arange(n))
            {
                for (int step = 0; step < steps; step++)
                {
                    long start = (long)step * batchSize, size = Math.Min(batchSize, n - start);
                    using var index = order.narrow(0, start, size);
                    var (batchLoss, batchCorrect) = denseStep is not null ? denseStep.Step(index, accuracy) : TrainStep(x, y, index, accuracy);
                    lossSum += (double)batchLoss * size;
                    correct += batchCorrect;
                    seen += size;
                    values[0].Value = batchLogs["loss"] = lossSum / seen;
                    if (accuracy) values[1].Value = batchLogs[MetricNames[0]] = (double)correct / seen;
                    progbar?.Update(step + 1, values);
                    foreach (var c in callbackList) c.OnTrainBatchEnd(step, batchLogs);
                }
            }
            var logs = values.ToList();
            if (validationData is (Tensor xv, Tensor yv))
            {
                var (valLoss, valAccuracy) = EvaluateChecked(xv, yv, batchSize);
                logs.Add(("val_loss", valLoss));
                if (accuracy) logs.Add(("val_" + MetricNames[0], valAccuracy));
            }
            progbar?.Update(steps, logs.ToArray(), finalize: true);
            foreach (var (name, value) in logs) history.Add(name, value);
            var logDictionary = logs.ToDictionary(kv => kv.Name, kv => kv.Value);
            foreach (var c in callbackList) c.OnEpochEnd(epoch, logDictionary);
        }
        foreach (var c in callbackList) c.OnTrainEnd(history);
        return history;
    }

    /// <summary>Whether Fit trains a one-Dense-layer model through <see cref="DenseStep"/> (default; the tests compare
    /// it with the general path by turning it off).</summary>
    internal bool UseDenseStep { get; set; } = true;

    /// <summary>One SGD step on the samples <paramref name="index"/> of (x, y): forward, loss, backward (autograd), update.</summary>
    /// <returns>The batch's mean loss and how many of its predictions are right (0 when not counted).</returns>
    internal (float Loss, long Correct) TrainStep(Tensor x, Tensor y, Tensor index, bool countCorrect)
    {
        using var scope = NewDisposeScope();
        var xb = x.index_select(0, index);                       // (batch, inputDim)
        var yb = y.index_select(0, index);                       // (batch, units) or (batch) labels
        var (loss, scores) = BatchLoss(xb, yb, mean: true);        // scalar; scores (batch, units)
        loss.backward();
        Optimizer!.Step(_parameters);
        long correct = 0;
        if (countCorrect)
            using (no_grad())
                correct = Metrics.CorrectCount(yb, scores);
        return (loss.item<float>(), correct);
    }

    /// <summary>Keras's validation_split: the last ⌊n·(1 − split)⌋… rows become the validation set (views), the rest trains.</summary>
    private static (Tensor X, Tensor Y, (Tensor, Tensor)? Validation) Split(Tensor x, Tensor y, double split)
    {
        long n = x.shape[0], train = (long)(n * (1 - split));
        if (train == 0 || train == n)
            throw new ArgumentException(
                $"Expected `validationSplit` to leave samples on both sides. Received: validationSplit={split} with {n} samples.",
                "validationSplit");
        return (x.narrow(0, 0, train), y.narrow(0, 0, train), (x.narrow(0, train, n - train), y.narrow(0, train, n - train)));
    }
}
