namespace NotebookMnist.Keras;

/// <summary>One training epoch of <see cref="Sequential.Fit"/>: gathers shuffled batches, steps, keeps running averages.</summary>
/// <remarks>
/// The logged loss is Σ batchLoss·batchSize / samples seen and the accuracy is correct / samples seen, updated after
/// every batch: the running averages Keras's progress bar and History show.
/// </remarks>
internal sealed class EpochRunner
{
    private readonly Sequential _model;
    private readonly Matrix _x, _y;
    private readonly int _batchSize;
    private readonly bool _accuracy;
    private readonly Matrix _xFull, _yFull;
    private readonly Matrix? _xLast, _yLast;
    private readonly (string Name, double Value)[] _values;

    public EpochRunner(Sequential model, Matrix x, Matrix y, int batchSize, bool accuracy)
    {
        _model = model;
        (_x, _y, _accuracy) = (x, y, accuracy);
        _batchSize = Math.Min(batchSize, x.Rows);
        Steps = (x.Rows + _batchSize - 1) / _batchSize;
        _xFull = new Matrix(_batchSize, x.Cols);
        _yFull = new Matrix(_batchSize, y.Cols);
        int last = x.Rows - (Steps - 1) * _batchSize;
        if (last != _batchSize) { _xLast = new Matrix(last, x.Cols); _yLast = new Matrix(last, y.Cols); }
        _values = accuracy ? [("loss", 0), (model.MetricNames[0], 0)] : [("loss", 0)];
    }

    /// <summary>Batches per epoch.</summary>
    public int Steps { get; }

    /// <summary>Runs one epoch over <paramref name="order"/> and returns the epoch's logs (loss, then the metric).</summary>
    public List<(string Name, double Value)> Run(int[] order, Progbar? progbar, int epoch, History history)
    {
        double lossSum = 0;
        long correct = 0, seen = 0;
        for (int step = 0; step < Steps; step++)
        {
            int start = step * _batchSize;
            bool last = step == Steps - 1 && _xLast is not null;
            var (xb, yb) = last ? (_xLast!, _yLast!) : (_xFull, _yFull);
            Gather(_x, order.AsSpan(start, xb.Rows), xb);
            Gather(_y, order.AsSpan(start, xb.Rows), yb);
            var (loss, right) = _model.TrainStep(xb, yb, _accuracy);
            if (!float.IsFinite(loss))
                throw new NonFiniteLossException(epoch, step + 1, Steps, loss, history);
            lossSum += (double)loss * xb.Rows;
            correct += right;
            seen += xb.Rows;
            _values[0].Value = lossSum / seen;
            if (_accuracy) _values[1].Value = (double)correct / seen;
            progbar?.Update(step + 1, _values);
        }
        return [.. _values];
    }

    /// <summary>Copies rows <paramref name="indices"/> of <paramref name="source"/> into <paramref name="destination"/>.</summary>
    private static void Gather(Matrix source, ReadOnlySpan<int> indices, Matrix destination)
    {
        int cols = source.Cols;
        var src = source.Data.AsSpan();
        var dst = destination.Data.AsSpan();
        for (int i = 0; i < indices.Length; i++)
            src.Slice(indices[i] * cols, cols).CopyTo(dst.Slice(i * cols, cols));
    }
}
