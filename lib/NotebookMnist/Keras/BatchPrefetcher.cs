using NotebookMnist.Data;

namespace NotebookMnist.Keras;

/// <summary>Runs a batch source one batch ahead on another core: gathering batch i + 1 overlaps training on batch i.</summary>
/// <remarks>
/// A producer thread runs the loader's epoch, which gathers each batch straight into one of two slots; the consumer
/// trains on the other. The order and the values are the loader's, so results are identical with and without
/// prefetching. (d2l's training splits each batch between the cores instead: see Scratch/ShardedEpoch.cs.) The gather reads
/// ~190 MB per MNIST epoch from memory, about a third of an epoch's time at batch 32, where the multiply itself is too
/// small to use both cores. Measured on the 2-core machine, idle, a MNIST epoch at batch 32: ~68 ms without
/// prefetching, ~55 ms when the slots held copies of the loader's batches, ~40 ms gathering into the slots.
/// With one other busy process on the machine there is no free core to overlap with and prefetching costs instead.
/// A waiter spins for a few tens of µs (a batch takes ~20 µs), then blocks so the other thread can have its core.
/// </remarks>
internal sealed class BatchPrefetcher
{
    private readonly DataLoader _loader;
    private readonly Slot[] _slots = [new(), new()];

    public BatchPrefetcher(DataLoader loader) => _loader = loader;

    /// <summary>One epoch of batches, each valid until the next is requested.</summary>
    public IEnumerable<(Matrix X, Matrix? Targets, int[] Labels, int Size)> Epoch()
    {
        foreach (var slot in _slots) slot.Filled = 0;
        using var cancel = new CancellationTokenSource();
        var producer = Task.Factory.StartNew(() => Produce(cancel.Token), cancel.Token,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Gemm.SingleThreadScopes++;                           // the other core gathers: multiplies stay on this one
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
            Gemm.SingleThreadScopes--;
            cancel.Cancel();
            try { producer.Wait(); } catch (AggregateException) { }
        }
    }

    private void Produce(CancellationToken cancel)
    {
        int i = 0;
        Slot slot = null!;
        foreach (var batch in _loader.Epoch(size => Acquire(slot = _slots[i++ & 1], size, _loader, cancel)))
        {
            slot.Hold(batch);                                // gathered straight into the slot: no copy
            slot.Publish(1);
        }
        var end = _slots[i & 1];
        end.AwaitChange(from: 1, cancel, null);
        end.Publish(2);                                      // 2 marks the end of the epoch
    }

    /// <summary>Waits until the consumer has released <paramref name="slot"/>, then gives the loader its batch to fill.</summary>
    private static Batch Acquire(Slot slot, int size, DataLoader loader, CancellationToken cancel)
    {
        slot.AwaitChange(from: 1, cancel, null);
        return slot.BatchFor(size, loader.NewBatch);
    }

    /// <summary>One batch in flight; one reused <see cref="Batch"/> per batch size (the full size and the last partial one).</summary>
    private sealed class Slot
    {
        private readonly Dictionary<int, Batch> _bySize = new();
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

        /// <summary>This slot's reused batch of <paramref name="size"/> rows, made by <paramref name="create"/> the first time.</summary>
        public Batch BatchFor(int size, Func<int, Batch> create)
        {
            if (!_bySize.TryGetValue(size, out var batch))
                _bySize[size] = batch = create(size);
            return batch;
        }

        /// <summary>Makes <paramref name="batch"/> the one the consumer receives from this slot.</summary>
        public void Hold(Batch batch) => (X, Targets, Labels, Size) = (batch.X, batch.Targets, batch.Labels, batch.Size);
    }
}
