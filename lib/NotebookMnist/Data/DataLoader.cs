using System.Collections;
using System.Runtime.CompilerServices;

namespace NotebookMnist.Data;

/// <summary>Seeded, shuffled mini-batches over in-memory data, reusing its batch buffers (d2l's DataLoader, Keras's batching in fit).</summary>
/// <remarks>
/// Each enumeration is one epoch with a new permutation drawn from a <see cref="Random"/> seeded once, so a run
/// is reproducible and epochs differ. The last partial batch is kept (⌈n / batchSize⌉ batches). The yielded
/// <see cref="Batch"/> and its arrays are reused: a batch is valid only until the next one. Not thread-safe; do not
/// enumerate one loader twice at the same time. Introduced in notebooks/03-dataset.ipynb.
/// </remarks>
public sealed class DataLoader : IEnumerable<Batch>
{
    private readonly Matrix _x;
    private byte[]? _pixels;
    private readonly int[]? _labels;
    private readonly Matrix? _y;
    private readonly int _oneHotClasses;
    private readonly bool _shuffle;
    private readonly Random _random;
    private readonly int[] _order;
    private readonly Batch _full;
    private readonly Batch? _partial;

    /// <summary>Batches of (x rows, labels), with one-hot targets when <paramref name="oneHotClasses"/> &gt; 0.</summary>
    /// <param name="x">(n, features) inputs.</param>
    /// <param name="labels">n class indices.</param>
    /// <param name="batchSize">Rows per batch, ≥ 1 (d2l uses 256).</param>
    /// <param name="shuffle">Draw a new order each epoch (true for training, false for testing).</param>
    /// <param name="seed">Seeds the shuffling once, for reproducible runs.</param>
    /// <param name="oneHotClasses">When &gt; 0, each batch also carries (size, oneHotClasses) one-hot targets.</param>
    /// <exception cref="ArgumentException">Lengths differ, batchSize &lt; 1, or a label is outside [0, oneHotClasses).</exception>
    public DataLoader(Matrix x, int[] labels, int batchSize, bool shuffle = true, int seed = 0, int oneHotClasses = 0)
        : this(x, labels ?? throw new ArgumentNullException(nameof(labels)), null, batchSize, shuffle, seed, oneHotClasses)
    {
    }

    /// <summary>Batches of (x rows, y rows), e.g. Keras one-hot targets; <paramref name="labels"/> are optional.</summary>
    /// <param name="x">(n, features) inputs.</param>
    /// <param name="y">(n, outputs) targets, copied into <see cref="Batch.Targets"/>.</param>
    /// <param name="batchSize">Rows per batch, ≥ 1.</param>
    /// <param name="shuffle">Draw a new order each epoch.</param>
    /// <param name="seed">Seeds the shuffling once.</param>
    /// <param name="labels">Optional n class indices, copied into <see cref="Batch.Labels"/>.</param>
    /// <exception cref="ArgumentException">Row counts differ or batchSize &lt; 1.</exception>
    public DataLoader(Matrix x, Matrix y, int batchSize, bool shuffle = true, int seed = 0, int[]? labels = null)
        : this(x, labels, y ?? throw new ArgumentNullException(nameof(y)), batchSize, shuffle, seed, 0)
    {
    }

    /// <summary>Batches over a dataset split, with one-hot targets over its classes when <paramref name="oneHot"/> is true.</summary>
    /// <param name="data">A split, e.g. FashionMnist.Load().Train.</param>
    /// <param name="batchSize">Rows per batch, ≥ 1 (d2l uses 256).</param>
    /// <param name="shuffle">Draw a new order each epoch (true for training, false for testing).</param>
    /// <param name="seed">Seeds the shuffling once.</param>
    /// <param name="oneHot">Also carry (size, classes) one-hot targets, for losses like categorical cross-entropy.</param>
    /// <remarks>
    /// When every image value is a pixel b / 255 exactly (as loaded), the loader keeps a copy of the 8-bit pixels and
    /// gathers batches from it, converting to the very same floats: a quarter of the memory traffic (a shuffled
    /// Fashion-MNIST pass ~9 ms instead of ~25 ms). The images are read once, here: changes made to
    /// <c>data.Images</c> afterwards are not seen, so make a new loader after changing them. Images that are not
    /// all such values (normalised, resized) are gathered as floats, and then changes are seen.
    /// </remarks>
    /// <exception cref="ArgumentException">batchSize &lt; 1.</exception>
    public DataLoader(LabeledImages data, int batchSize, bool shuffle = true, int seed = 0, bool oneHot = false)
        : this(NotNull(data).Images, data.Labels, batchSize, shuffle, seed, oneHot ? data.ClassNames.Count : 0)
    {
        _pixels = PixelScaling.TryToPixels(data.Images.Data);
    }

    private DataLoader(Matrix x, int[]? labels, Matrix? y, int batchSize, bool shuffle, int seed, int oneHotClasses)
    {
        ArgumentNullException.ThrowIfNull(x);
        DataLoaderChecks.Validate(x, labels, y, batchSize, oneHotClasses);
        (_x, _labels, _y, _oneHotClasses, _shuffle) = (x, labels, y, oneHotClasses, shuffle);
        BatchSize = batchSize;
        _random = new Random(seed);
        _order = new int[x.Rows];
        int targetColumns = y?.Cols ?? oneHotClasses;
        _full = new Batch(Math.Min(batchSize, x.Rows), x.Cols, labels is not null, targetColumns);
        int rest = x.Rows % batchSize;
        _partial = rest > 0 && x.Rows > batchSize ? new Batch(rest, x.Cols, labels is not null, targetColumns) : null;
    }

    /// <summary>True when batches carry class labels.</summary>
    internal bool Labels => _labels is not null;

    /// <summary>Rows per full batch.</summary>
    public int BatchSize { get; }

    /// <summary>The number of rows (examples).</summary>
    public int Count => _x.Rows;

    /// <summary>Batches per epoch, ⌈Count / BatchSize⌉, counting the last partial batch.</summary>
    public int BatchCount => (Count + BatchSize - 1) / BatchSize;

    /// <summary>Starts an epoch: draws a new order (when shuffling) and yields the batches in it.</summary>
    public IEnumerator<Batch> GetEnumerator() => Epoch().GetEnumerator();

    /// <summary>One epoch, as <see cref="GetEnumerator"/>, with parts of each batch left for the caller to fill.</summary>
    /// <param name="images">False leaves X for the caller to fill with <see cref="FillImages"/>, e.g. a part per core.</param>
    /// <param name="targets">False leaves the labels and targets for the caller to fill with <see cref="FillTargets(Batch)"/>.</param>
    internal IEnumerable<Batch> Epoch(bool images = true, bool targets = true)
    {
        for (int i = 0; i < _order.Length; i++) _order[i] = i;
        if (_shuffle) _random.Shuffle(_order);
        for (int start = 0; start < _order.Length; start += BatchSize)
        {
            int size = Math.Min(BatchSize, _order.Length - start);
            Batch batch = size == _full.Size ? _full : _partial!;   // reused: one per size
            batch.Source = (_order, start);
            if (targets) FillTargets(batch);
            if (images) FillImages(batch, 0, size);
            yield return batch;
        }
    }

    /// <summary>Gathers rows [<paramref name="first"/>, first + count) of <paramref name="batch"/>'s X.</summary>
    internal void FillImages(Batch batch, int first, int count) =>
        Gather(batch.Source.Order.AsSpan(batch.Source.Start + first, count), 0, _x.Cols,
            batch.X.Data.AsSpan(first * _x.Cols, count * _x.Cols));

    /// <summary>Gathers features [<paramref name="firstColumn"/>, firstColumn + width) of <paramref name="batch"/>'s
    /// rows into <paramref name="destination"/>, (batch.Size, width) row-major: one core's block of the inputs.</summary>
    internal void FillColumns(Batch batch, int firstColumn, int width, Span<float> destination) =>
        Gather(batch.Source.Order.AsSpan(batch.Source.Start, batch.Size), firstColumn, width, destination);

    /// <summary>Asks the memory system to start loading the rows that follow <paramref name="batch"/>'s rows
    /// [first, first + count) by one batch, so the next <see cref="FillImages"/> of them finds them in cache.</summary>
    internal void PrefetchNextImages(Batch batch, int first, int count) => PrefetchNext(batch, first, count, 0, _x.Cols);

    /// <summary>As <see cref="PrefetchNextImages"/> for all the next batch's rows, features
    /// [<paramref name="firstColumn"/>, firstColumn + width) only (what <see cref="FillColumns"/> reads next).</summary>
    internal void PrefetchNextColumns(Batch batch, int firstColumn, int width) =>
        PrefetchNext(batch, 0, BatchSize, firstColumn, width);

    /// <summary>Gathers from a byte copy of x from now on, if every value of x is a pixel b / 255 exactly (see the
    /// dataset constructor): a quarter of the memory traffic, the same floats. Later changes to x are then not seen
    /// until <see cref="ReleasePixels"/>.</summary>
    /// <remarks>The copy's buffer is kept, weakly, for the next loader: the two Keras Fits of the article over the same
    /// 47 MB of pixels then share one buffer instead of holding two until a collection (peak RSS 406 → 360 MiB).</remarks>
    internal void GatherFromPixelsIfExact()
    {
        if (_pixels is not null) return;
        lock (SpareLock)
        {
            if (!Spare.TryGetTarget(out var buffer) || buffer.Length < _x.Data.Length)
                buffer = GC.AllocateUninitializedArray<byte>(_x.Data.Length);
            Spare.SetTarget(null!);
            if (PixelScaling.TryToPixels(_x.Data, buffer)) _pixels = buffer;
            else Spare.SetTarget(buffer);
        }
    }

    /// <summary>Goes back to gathering from x itself and leaves the byte copy's buffer for another loader.</summary>
    internal void ReleasePixels()
    {
        if (_pixels is not { } buffer) return;
        _pixels = null;
        lock (SpareLock) Spare.SetTarget(buffer);
    }

    private static readonly object SpareLock = new();
    private static readonly WeakReference<byte[]> Spare = new(null!);

    private void Gather(ReadOnlySpan<int> rows, int firstColumn, int width, Span<float> destination)
    {
        if (_pixels is not null) RowGather.FromPixels(_pixels, _x.Cols, firstColumn, width, rows, destination);
        else RowGather.Copy(_x.Data, _x.Cols, firstColumn, width, rows, destination);
    }

    private void PrefetchNext(Batch batch, int first, int count, int firstColumn, int width)
    {
        var rows = NextRows(batch, first, count);
        if (_pixels is not null) RowGather.Prefetch(_pixels, _x.Cols, firstColumn, width, rows);
        else RowGather.Prefetch(_x.Data, _x.Cols, firstColumn, width, rows);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static T NotNull<T>(T value, [CallerArgumentExpression(nameof(value))] string? name = null) where T : class =>
        value ?? throw new ArgumentNullException(name);

    /// <summary>Asks the memory system to start loading the labels and target rows of the batch after
    /// <paramref name="batch"/>, which are at random places in memory (see <see cref="PrefetchNextImages"/>).</summary>
    internal void PrefetchNextTargets(Batch batch)
    {
        var rows = NextRows(batch, 0, BatchSize);
        if (_labels is not null) RowGather.Prefetch(_labels, 1, 0, 1, rows);
        if (_y is not null) RowGather.Prefetch(_y.Data, _y.Cols, 0, _y.Cols, rows);
    }

    /// <summary>The rows one batch after <paramref name="batch"/>'s rows [first, first + count), cut at the epoch's end.</summary>
    private ReadOnlySpan<int> NextRows(Batch batch, int first, int count)
    {
        var (order, start) = batch.Source;
        int from = Math.Min(start + BatchSize + first, order.Length);
        return order.AsSpan(from, Math.Min(count, order.Length - from));
    }

    /// <summary>Fills <paramref name="batch"/>'s labels and targets for its rows (<see cref="Batch.Source"/>).</summary>
    internal void FillTargets(Batch batch)
    {
        var rows = batch.Source.Order.AsSpan(batch.Source.Start, batch.Size);
        if (_labels is not null)
            for (int r = 0; r < rows.Length; r++) batch.Labels[r] = _labels[rows[r]];
        if (_y is not null)
        {
            int outputs = _y.Cols;
            for (int r = 0; r < rows.Length; r++)
                _y.Data.AsSpan(rows[r] * outputs, outputs).CopyTo(batch.Targets!.Data.AsSpan(r * outputs, outputs));
        }
        else if (_oneHotClasses > 0)
        {
            Array.Clear(batch.Targets!.Data);
            for (int r = 0; r < rows.Length; r++) batch.Targets.Data[r * _oneHotClasses + batch.Labels[r]] = 1f;
        }
    }
}
