using NotebookMnist.Data;

namespace NotebookMnist.Keras;

/// <summary>One training epoch of <see cref="Sequential.Fit"/>: steps through the loader's batches, keeps running averages.</summary>
/// <remarks>
/// Batching is the data library's <see cref="DataLoader"/> (reshuffled every epoch, last partial batch kept, reused buffers).
/// The logged loss is Σ batchLoss·batchSize / samples seen and the accuracy is correct / samples seen, updated after
/// every batch: the running averages Keras's progress bar and History show.
/// </remarks>
internal sealed class EpochRunner
{
    private readonly Sequential _model;
    private readonly DataLoader _loader;
    private readonly BatchPrefetcher? _prefetcher;
    private readonly bool _accuracy;
    private readonly (string Name, double Value)[] _values;

    public EpochRunner(Sequential model, Matrix x, Matrix y, int batchSize, bool shuffle, int seed, bool accuracy, bool prefetch)
    {
        _model = model;
        // argmax(y) once: the accuracy metric then compares argmax(yPred) with a label, as Keras compares two argmaxes.
        _loader = new DataLoader(x, y, batchSize, shuffle, seed, labels: accuracy ? Ops.ArgMax(y) : null);
        _accuracy = accuracy;
        if (prefetch && Environment.ProcessorCount > 1)
            _prefetcher = new BatchPrefetcher(_loader);
        _values = accuracy ? [("loss", 0), (model.MetricNames[0], 0)] : [("loss", 0)];
    }

    /// <summary>Batches per epoch.</summary>
    public int Steps => _loader.BatchCount;

    private IEnumerable<(Matrix X, Matrix? Targets, int[] Labels, int Size)> Batches() =>
        _prefetcher?.Epoch() ?? _loader.Select(b => (b.X, b.Targets, b.Labels, b.Size));

    /// <summary>Runs one epoch and returns its logs (loss, then the metric).</summary>
    /// <exception cref="NonFiniteLossException">A batch loss is NaN or infinite.</exception>
    public List<(string Name, double Value)> Run(Progbar? progbar, int epoch, History history)
    {
        double lossSum = 0;
        long correct = 0, seen = 0;
        int step = 0;
        foreach (var batch in Batches())
        {
            step++;
            var (loss, right) = _model.TrainStep(batch.X, batch.Targets!, _accuracy ? batch.Labels : null);
            if (!float.IsFinite(loss))
                throw new NonFiniteLossException(epoch, step, Steps, loss, history);
            lossSum += (double)loss * batch.Size;
            correct += right;
            seen += batch.Size;
            _values[0].Value = lossSum / seen;
            if (_accuracy) _values[1].Value = (double)correct / seen;
            progbar?.Update(step, _values);
        }
        return [.. _values];
    }
}
