using NotebookMnist.Data;

namespace NotebookMnist.Keras;

/// <summary>Runs a batch source one batch ahead on another core: gathering batch i + 1 overlaps training on batch i.</summary>
/// <remarks>
/// A producer thread enumerates the source (e.g. a <see cref="DataLoader"/>, which gathers shuffled rows from memory)
/// and copies each batch into one of two slots; the consumer trains on the other. The order and the values are those
/// of the source, so results are identical with and without prefetching. The gather reads ~190 MB per MNIST epoch from
/// memory, about a third of an epoch's time at batch 32, where the multiply itself is too small to use both cores.
/// </remarks>
internal sealed class BatchPrefetcher
{
    private readonly IEnumerable<Batch> _source;
    private readonly Slot[] _slots = [new(), new()];

    public BatchPrefetcher(IEnumerable<Batch> source) => _source = source;

    /// <summary>One epoch of batches, each valid until the next is requested.</summary>
    public IEnumerable<(Matrix X, Matrix? Targets, int[] Labels, int Size)> Epoch()
    {
        foreach (var slot in _slots) slot.Filled = 0;
        using var cancel = new CancellationTokenSource();
        var producer = Task.Factory.StartNew(() => Produce(cancel.Token), cancel.Token,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            for (int i = 0; ; i++)
            {
                var slot = _slots[i & 1];
                if (!WaitFor(slot, filled: 1, producer))
                    break;                                   // the producer finished: no more batches
                yield return (slot.X!, slot.Targets, slot.Labels!, slot.Size);
                Volatile.Write(ref slot.Filled, 0);
            }
            producer.GetAwaiter().GetResult();               // rethrows a producer exception
        }
        finally
        {
            cancel.Cancel();
            try { producer.Wait(); } catch (AggregateException) { }
        }
    }

    private void Produce(CancellationToken cancel)
    {
        int i = 0;
        foreach (var batch in _source)
        {
            var slot = Free(_slots[i++ & 1], cancel);
            slot.CopyFrom(batch);
            Volatile.Write(ref slot.Filled, 1);
        }
        Volatile.Write(ref Free(_slots[i & 1], cancel).Filled, 2);   // 2 marks the end of the epoch
    }

    /// <summary>Spins until the consumer has released <paramref name="slot"/>.</summary>
    private static Slot Free(Slot slot, CancellationToken cancel)
    {
        var spin = new SpinWait();
        while (Volatile.Read(ref slot.Filled) != 0)
        {
            cancel.ThrowIfCancellationRequested();
            spin.SpinOnce();
        }
        return slot;
    }

    /// <summary>Spins until the slot holds a batch (true) or the end mark (false).</summary>
    private static bool WaitFor(Slot slot, int filled, Task producer)
    {
        var spin = new SpinWait();
        while (true)
        {
            int state = Volatile.Read(ref slot.Filled);
            if (state == filled) return true;
            if (state == 2) return false;
            if (producer.IsFaulted) producer.GetAwaiter().GetResult();
            spin.SpinOnce();
        }
    }

    /// <summary>Copies of one batch's arrays, resized when the batch size changes (the last partial batch).</summary>
    private sealed class Slot
    {
        public int Filled;
        public Matrix? X, Targets;
        public int[]? Labels;
        public int Size;

        public void CopyFrom(Batch batch)
        {
            if (X is null || X.Rows != batch.X.Rows || X.Cols != batch.X.Cols)
            {
                X = new Matrix(batch.X.Rows, batch.X.Cols);
                Targets = batch.Targets is null ? null : new Matrix(batch.Targets.Rows, batch.Targets.Cols);
                Labels = new int[batch.Labels.Length];
            }
            batch.X.AsSpan().CopyTo(X.AsSpan());
            batch.Targets?.AsSpan().CopyTo(Targets!.AsSpan());
            batch.Labels.CopyTo(Labels!, 0);
            Size = batch.Size;
        }
    }
}
