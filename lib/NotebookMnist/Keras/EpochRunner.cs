using NotebookMnist.Data;

namespace NotebookMnist.Keras;

/// <summary>One training epoch of <see cref="Sequential.Fit"/>: steps through the loader's batches, keeps running averages.</summary>
/// <remarks>
/// Batching is the data library's <see cref="DataLoader"/> (reshuffled every epoch, last partial batch kept, reused
/// buffers). The logged loss is Σ batchLoss·batchSize / samples seen and the accuracy is correct / samples seen,
/// updated after every batch: the running averages Keras's progress bar and History show. A model whose first layer
/// is Dense trains through <see cref="SplitInputEpoch"/> (two cores, the same results); any other, batch by batch
/// through <see cref="Sequential.TrainStep"/>.
/// </remarks>
internal sealed class EpochRunner : IDisposable
{
    private readonly Sequential _model;
    private readonly DataLoader _loader;
    private readonly SplitInputEpoch? _split;
    private readonly bool _accuracy, _parallel;
    private readonly (string Name, double Value)[] _values;
    private double _lossSum;
    private long _correct, _seen;
    private int _step;

    public EpochRunner(Sequential model, Matrix x, Matrix y, int batchSize, bool shuffle, int seed, bool accuracy, bool parallel)
    {
        _model = model;
        // argmax(y) once: the accuracy metric then compares argmax(yPred) with a label, as Keras compares two argmaxes.
        _loader = new DataLoader(x, y, batchSize, shuffle, seed, labels: accuracy ? Ops.ArgMax(y) : null);
        _split = SplitInputEpoch.TryCreate(model, _loader);
        if (_split is not null)
            _loader.GatherFromPixelsIfExact();           // images as loaded (b / 255): gather a quarter of the bytes
        _accuracy = accuracy;
        _parallel = parallel;
        _values = accuracy ? [("loss", 0), (model.MetricNames[0], 0)] : [("loss", 0)];
    }

    /// <summary>Leaves the loader's byte copy of x for the next Fit (see <see cref="DataLoader.GatherFromPixelsIfExact"/>).</summary>
    public void Dispose() => _loader.ReleasePixels();

    /// <summary>Batches per epoch.</summary>
    public int Steps => _loader.BatchCount;

    /// <summary>Runs one epoch and returns its logs (loss, then the metric).</summary>
    /// <exception cref="NonFiniteLossException">A batch loss is NaN or infinite.</exception>
    public List<(string Name, double Value)> Run(Progbar? progbar, int epoch, History history)
    {
        (_lossSum, _correct, _seen, _step) = (0, 0, 0, 0);
        void OnStep(float loss, int correct, int size) => Record(loss, correct, size, epoch, history, progbar);
        if (_split is not null)
            _split.Run(OnStep, _accuracy, _parallel);
        else
            foreach (var batch in _loader)
            {
                var (loss, correct) = _model.TrainStep(batch.X, batch.Targets!, _accuracy ? batch.Labels : null);
                OnStep(loss, correct, batch.Size);
            }
        return [.. _values];
    }

    private void Record(float loss, int correct, int size, int epoch, History history, Progbar? progbar)
    {
        _step++;
        if (!float.IsFinite(loss))
            throw new NonFiniteLossException(epoch, _step, Steps, loss, history);
        _lossSum += (double)loss * size;
        _correct += correct;
        _seen += size;
        _values[0].Value = _lossSum / _seen;
        if (_accuracy) _values[1].Value = (double)_correct / _seen;
        progbar?.Update(_step, _values);
    }
}
