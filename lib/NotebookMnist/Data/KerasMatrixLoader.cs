using System.Collections;

// TRANSITIONAL (d2ldata branch): the Matrix-based Keras (Keras/EpochRunner.cs, Keras/SplitInputEpoch.cs) still
// batches float matrices, and the Data loader now yields tensors. These two internal types keep that Keras compiling
// and passing until the keras branch replaces it; they live in its namespace so its files bind to them unchanged.
// Delete this file when the keras branch is merged.
namespace NotebookMnist.Keras;

/// <summary>One mini-batch of rows of float matrices (transitional, for the Matrix-based Keras only).</summary>
internal sealed class Batch
{
    internal Batch(int size, int inputs, bool hasLabels, int targetColumns)
    {
        Size = size;
        X = new Matrix(size, inputs);
        Labels = hasLabels ? new int[size] : [];
        Targets = targetColumns > 0 ? new Matrix(size, targetColumns) : null;
    }

    public Matrix X { get; }
    public int[] Labels { get; }
    public Matrix? Targets { get; }
    public int Size { get; }
    internal (int[] Order, int Start) Source { get; set; } = ([], 0);
}

/// <summary>Seeded, shuffled batches of rows of (x, y) float matrices (transitional, for the Matrix-based Keras only).</summary>
internal sealed class DataLoader : IEnumerable<Batch>
{
    private readonly Matrix _x, _y;
    private readonly int[]? _labels;
    private readonly bool _shuffle;
    private readonly Random _random;
    private readonly int[] _order;
    private readonly Batch _full;
    private readonly Batch? _partial;

    public DataLoader(Matrix x, Matrix y, int batchSize, bool shuffle = true, int seed = 0, int[]? labels = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(
                nameof(batchSize), $"Expected `batchSize` to be a positive integer. Received: batchSize={batchSize}.");
        (_x, _y, _labels, _shuffle, BatchSize) = (x, y, labels, shuffle, batchSize);
        _random = new Random(seed);
        _order = new int[x.Rows];
        _full = new Batch(Math.Min(batchSize, x.Rows), x.Cols, labels is not null, y.Cols);
        int rest = x.Rows % batchSize;
        _partial = rest > 0 && x.Rows > batchSize ? new Batch(rest, x.Cols, labels is not null, y.Cols) : null;
    }

    internal bool Labels => _labels is not null;
    public int BatchSize { get; }
    public int Count => _x.Rows;
    public int BatchCount => (Count + BatchSize - 1) / BatchSize;

    public IEnumerator<Batch> GetEnumerator() => Epoch().GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal IEnumerable<Batch> Epoch(bool images = true, bool targets = true)
    {
        for (int i = 0; i < _order.Length; i++) _order[i] = i;
        if (_shuffle) _random.Shuffle(_order);
        for (int start = 0; start < _order.Length; start += BatchSize)
        {
            int size = Math.Min(BatchSize, _order.Length - start);
            Batch batch = size == _full.Size ? _full : _partial!;
            batch.Source = (_order, start);
            if (targets) FillTargets(batch);
            if (images) FillImages(batch, 0, size);
            yield return batch;
        }
    }

    internal void FillImages(Batch batch, int first, int count) =>
        Gather(batch.Source.Order.AsSpan(batch.Source.Start + first, count), 0, _x.Cols,
            batch.X.Data.AsSpan(first * _x.Cols, count * _x.Cols));

    internal void FillColumns(Batch batch, int firstColumn, int width, Span<float> destination) =>
        Gather(batch.Source.Order.AsSpan(batch.Source.Start, batch.Size), firstColumn, width, destination);

    internal void PrefetchNextImages(Batch batch, int first, int count) { }
    internal void PrefetchNextColumns(Batch batch, int firstColumn, int width) { }
    internal void PrefetchNextTargets(Batch batch) { }
    internal void GatherFromPixelsIfExact() { }
    internal void ReleasePixels() { }

    internal void FillTargets(Batch batch)
    {
        var rows = batch.Source.Order.AsSpan(batch.Source.Start, batch.Size);
        if (_labels is not null)
            for (int r = 0; r < rows.Length; r++) batch.Labels[r] = _labels[rows[r]];
        int outputs = _y.Cols;
        for (int r = 0; r < rows.Length; r++)
            _y.Data.AsSpan(rows[r] * outputs, outputs).CopyTo(batch.Targets!.Data.AsSpan(r * outputs, outputs));
    }

    private void Gather(ReadOnlySpan<int> rows, int firstColumn, int width, Span<float> destination)
    {
        for (int r = 0; r < rows.Length; r++)
            _x.Data.AsSpan(rows[r] * _x.Cols + firstColumn, width).CopyTo(destination.Slice(r * width, width));
    }
}
