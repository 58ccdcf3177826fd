namespace NotebookMnist.Keras;

public sealed partial class Sequential
{
    /// <summary>Trains for <paramref name="epochs"/> passes over (x, y) with mini-batch SGD, as Keras's <c>fit</c>.</summary>
    /// <param name="x">Inputs (n, inputDim), e.g. images scaled to [0, 1] as (60000, 784).</param>
    /// <param name="y">Targets (n, units), one-hot for categorical losses (<c>Ops.OneHot(labels, 10)</c>).</param>
    /// <param name="batchSize">Samples per update (Keras default 32); the last partial batch is kept.</param>
    /// <param name="epochs">Passes over the data (Keras default 1).</param>
    /// <param name="shuffle">Reshuffle the sample order before every epoch (Keras default true).</param>
    /// <param name="validationData">Optional (xVal, yVal) evaluated after every epoch: "val_loss", "val_accuracy".</param>
    /// <param name="validationSplit">Fraction in [0, 1) of the samples, taken from the end of x and y before shuffling
    /// as Keras does, held out and evaluated after every epoch; ignored when <paramref name="validationData"/> is given.</param>
    /// <param name="verbose">0 silent, 1 progress bar (in place on an interactive console), 2 one line per epoch.</param>
    /// <param name="callbacks">Called at epoch boundaries, e.g. a <see cref="LambdaCallback"/> feeding a live plot.</param>
    /// <param name="seed">Seeds the shuffling; with seeded layers the run is bit-for-bit repeatable.</param>
    /// <param name="output">Where the progress goes; default <see cref="Console.Out"/>.</param>
    /// <returns>Per-epoch "loss" and metrics (running averages over the epoch's batches, as Keras logs them).</returns>
    /// <exception cref="InvalidOperationException">Compile was not called.</exception>
    /// <exception cref="ArgumentException">Shapes, targets or arguments are invalid; the message names them.</exception>
    /// <exception cref="NonFiniteLossException">A batch loss was NaN or infinite; it carries the History so far.</exception>
    public History Fit(Matrix x, Matrix y, int batchSize = 32, int epochs = 1, bool shuffle = true,
        (Matrix X, Matrix Y)? validationData = null, int verbose = 1, IEnumerable<Callback>? callbacks = null,
        int? seed = null, TextWriter? output = null, double validationSplit = 0)
    {
        var loss = CheckFitArguments(x, y, batchSize, epochs, verbose, validationSplit);
        if (validationData is null && validationSplit > 0)
            (x, y, validationData) = Split(x, y, validationSplit);
        if (validationData is (Matrix xVal, Matrix yVal))
            Checks.Data(xVal, yVal, _layers[0].InputDim!.Value, _layers[^1].Units, loss, "validationData.X", "validationData.Y");

        var history = new History(LossLabel);
        var callbackList = (callbacks ?? []).ToList();
        foreach (var c in callbackList) { c.Model = this; c.OnTrainBegin(); }
        using var epochRun = new EpochRunner(this, x, y, batchSize, shuffle, seed ?? Random.Shared.Next(), MetricNames.Count > 0, ParallelTraining);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var c in callbackList) c.OnEpochBegin(epoch);
            if (verbose > 0) (output ?? Console.Out).WriteLine($"Epoch {epoch + 1}/{epochs}");
            var progbar = verbose > 0
                ? new Progbar(epochRun.Steps, output, interactive: verbose == 1 ? null : false)
                : null;
            var logs = epochRun.Run(progbar, epoch + 1, history);
            if (validationData is (Matrix xv, Matrix yv))
            {
                var (valLoss, valAccuracy) = Evaluate(xv, yv, batchSize);
                logs.Add(("val_loss", valLoss));
                if (MetricNames.Count > 0) logs.Add(("val_" + MetricNames[0], valAccuracy));
            }
            progbar?.Update(epochRun.Steps, logs.ToArray(), finalize: true);
            var logDictionary = logs.ToDictionary(kv => kv.Name, kv => kv.Value);
            foreach (var (name, value) in logs) history.Add(name, value);
            foreach (var c in callbackList) c.OnEpochEnd(epoch, logDictionary);
        }
        foreach (var c in callbackList) c.OnTrainEnd(history);
        return history;
    }

    private ILoss CheckFitArguments(Matrix x, Matrix y, int batchSize, int epochs, int verbose, double validationSplit)
    {
        var loss = RequireCompiled();
        Checks.BatchSize(batchSize);
        Checks.Epochs(epochs);
        Checks.Verbose(verbose);
        Checks.ValidationSplit(validationSplit);
        EnsureBuilt(x, nameof(x));
        Checks.Data(x, y, _layers[0].InputDim!.Value, _layers[^1].Units, loss, nameof(x), nameof(y));
        return loss;
    }

    /// <summary>Keras's validation_split: the last ⌊n·split⌋ rows become the validation set (copies), the rest trains.</summary>
    private static (Matrix X, Matrix Y, (Matrix, Matrix)? Validation) Split(Matrix x, Matrix y, double split)
    {
        int train = (int)(x.Rows * (1 - split));
        if (train == 0 || train == x.Rows)
            throw new ArgumentException(
                $"Expected `validationSplit` to leave samples on both sides. Received: validationSplit={split} with {x.Rows} samples.",
                "validationSplit");
        Matrix Rows(Matrix m, int start, int count) =>
            new(count, m.Cols, m.Data.AsSpan(start * m.Cols, count * m.Cols).ToArray());
        return (Rows(x, 0, train), Rows(y, 0, train), (Rows(x, train, x.Rows - train), Rows(y, train, x.Rows - train)));
    }

    /// <summary>Train on two cores when the machine has them (on by default; results are identical either way).</summary>
    internal bool ParallelTraining { get; set; } = true;

    /// <summary>Calls <paramref name="action"/>(start, xb, yb) for consecutive chunks of rows copied into reused buffers.</summary>
    private static void ForEachChunk(Matrix x, Matrix? y, int batchSize, Action<int, Matrix, Matrix?> action)
    {
        Matrix? xb = null, yb = null;
        for (int start = 0; start < x.Rows; start += batchSize)
        {
            int size = Math.Min(batchSize, x.Rows - start);
            if (xb?.Rows != size) { xb = new Matrix(size, x.Cols); yb = y is null ? null : new Matrix(size, y.Cols); }
            x.Data.AsSpan(start * x.Cols, size * x.Cols).CopyTo(xb.Data);
            y?.Data.AsSpan(start * y.Cols, size * y.Cols).CopyTo(yb!.Data);
            action(start, xb, yb);
        }
    }
}
