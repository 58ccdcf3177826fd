using NotebookMnist.Data;

namespace NotebookMnist.Keras;

/// <summary>Runs a batch source one batch ahead on another core: gathering batch i + 1 overlaps training on batch i.</summary>
/// <remarks>
/// A producer thread enumerates the source (e.g. a <see cref="DataLoader"/>, which gathers shuffled rows from memory)
/// and copies each batch into one of two slots; the consumer trains on the other. The order and the values are those
/// of the source, so results are identical with and without prefetching. The gather reads ~190 MB per MNIST epoch from
/// memory, about a third of an epoch's time at batch 32, where the multiply itself is too small to use both cores.
/// Measured on the 2-core machine: idle, a MNIST epoch at batch 32 goes from ~70 to ~55 ms and a Fashion-MNIST epoch at
/// batch 256 from ~55 to ~40 ms; with one other busy process on the machine there is no free core to overlap with and
/// prefetching costs ~25% instead (70 → 90 ms, 62 → 73 ms). With more cores that case is rare.
/// A waiter spins for a few tens of µs (a batch takes ~20 µs), then blocks so the other thread can have its core.
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
                if (slot.AwaitChange(from: 0, cancel.Token, producer) == 2)
                    break;                                   // the end mark: no more batches
                yield return (slot.X!, slot.Targets, slot.Labels!, slot.Size);
                slot.Publish(0);
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
            var slot = _slots[i++ & 1];
            slot.AwaitChange(from: 1, cancel, null);         // wait until the consumer has released it
            slot.CopyFrom(batch);
            slot.Publish(1);
        }
        var end = _slots[i & 1];
        end.AwaitChange(from: 1, cancel, null);
        end.Publish(2);                                      // 2 marks the end of the epoch
    }

    /// <summary>Copies of one batch's arrays; one set per batch size (the full size and the last partial one).</summary>
    private sealed class Slot
    {
        private readonly Dictionary<int, (Matrix X, Matrix? Targets, int[] Labels)> _bySize = new();
        /// <summary>Spin iterations (yielding, a few tens of µs in all) before a waiter blocks and frees its core.</summary>
        private const int SpinsBeforeBlocking = 40;
        private int _waiters;
        public int Filled;                                   // 0 free, 1 holds a batch, 2 end of epoch
        public Matrix? X, Targets;
        public int[]? Labels;
        public int Size;

        /// <summary>Sets the state and wakes a blocked waiter.</summary>
        public void Publish(int state)
        {
            Volatile.Write(ref Filled, state);
            Interlocked.MemoryBarrier();                     // pairs with the waiter's Interlocked.Increment
            if (Volatile.Read(ref _waiters) > 0)
                lock (this) Monitor.PulseAll(this);
        }

        /// <summary>Waits until the state differs from <paramref name="from"/> and returns it: spins briefly, then blocks.</summary>
        /// <remarks>Blocking matters when another process holds a core: a spinning waiter would keep the thread it
        /// waits for off the CPU. The 1 ms timeout re-checks cancellation and the producer's failure.</remarks>
        public int AwaitChange(int from, CancellationToken cancel, Task? producer)
        {
            var spin = new SpinWait();
            while (true)
            {
                int state = Volatile.Read(ref Filled);
                if (state != from) return state;
                cancel.ThrowIfCancellationRequested();
                if (producer is { IsFaulted: true }) producer.GetAwaiter().GetResult();
                if (spin.Count < SpinsBeforeBlocking) { spin.SpinOnce(sleep1Threshold: -1); continue; }
                lock (this)
                {
                    Interlocked.Increment(ref _waiters);
                    try { if (Volatile.Read(ref Filled) == from) Monitor.Wait(this, 1); }
                    finally { Interlocked.Decrement(ref _waiters); }
                }
            }
        }

        public void CopyFrom(Batch batch)
        {
            if (!_bySize.TryGetValue(batch.X.Rows, out var buffers) || buffers.X.Cols != batch.X.Cols)
            {
                buffers = (new Matrix(batch.X.Rows, batch.X.Cols),
                    batch.Targets is null ? null : new Matrix(batch.Targets.Rows, batch.Targets.Cols),
                    new int[batch.Labels.Length]);
                _bySize[batch.X.Rows] = buffers;
            }
            (X, Targets, Labels) = buffers;
            batch.X.AsSpan().CopyTo(X.AsSpan());
            batch.Targets?.AsSpan().CopyTo(Targets!.AsSpan());
            batch.Labels.CopyTo(Labels, 0);
            Size = batch.Size;
        }
    }
}
