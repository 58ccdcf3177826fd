using NotebookMnist.Data;

namespace NotebookMnist.Scratch;

/// <summary>One training epoch of <see cref="D2l.TrainEpoch"/> over a <see cref="DataLoader"/>, each batch split
/// between two cores.</summary>
/// <remarks>
/// <para>
/// A batch's two halves (<see cref="SoftmaxRegression.ShardRows"/>) are independent until the gradient is summed, so
/// each core gathers its half of the images, runs it forward, forms ŷ − Y and that half's Xᵀ·(ŷ − Y); then this
/// thread adds the halves, computes the reported loss and accuracy over the whole batch and calls the updater. A core
/// only ever reads the images it gathered itself: on the 2-core machine, a second core reading rows the first had
/// written (or the reverse) cost more than the work it took over. At the end of its part each core prefetches the
/// rows it will gather in the next step, so the gather reads cache rather than memory.
/// </para>
/// <para>
/// The arithmetic is that of <see cref="SoftmaxRegression.Net(Matrix, Matrix)"/> and
/// <see cref="SoftmaxRegression.Backward"/>, which sum the gradient in the same two halves: the results are the same
/// bits on one core or two, and through a plain batch loop. Measured on the 2-core machine, one Fashion-MNIST epoch
/// at batch 256: ~21 ms, against ~30 ms with the batch gathered on the second core and all compute on the first.
/// </para>
/// </remarks>
internal sealed class ShardedEpoch : IChunkWork
{
    private readonly SoftmaxRegression _net;
    private readonly DataLoader _loader;
    private Batch? _batch;
    private Matrix _yHat = null!, _dLogits = null!;

    public ShardedEpoch(SoftmaxRegression net, DataLoader loader)
    {
        _net = net;
        _loader = loader;
    }

    /// <summary>Runs the epoch; <paramref name="onBatch"/>(ŷ, batch) reports each batch after its gradient is in
    /// W.Grad and b.Grad and before the next batch is touched (the caller records the loss and calls the updater).</summary>
    public void Run(Func<int, Matrix> yHatFor, Action<Matrix, Batch> onBatch, bool parallel)
    {
        foreach (var batch in _loader.Epoch(images: false))
        {
            _batch = batch;
            _yHat = yHatFor(batch.Size);
            _dLogits = _net.DLogits(batch.Size);
            if (!parallel || !WorkerTeam.Shared.TryRun(this, SoftmaxRegression.Shards))
                for (int shard = 0; shard < SoftmaxRegression.Shards; shard++) Run(shard);
            _net.AddShards(_dLogits);
            onBatch(_yHat, batch);
        }
        _batch = null;
    }

    /// <summary>Half <paramref name="shard"/> of the current batch: gather, forward, ŷ − Y, its part of the gradient.</summary>
    public void Run(int shard)
    {
        var batch = _batch!;
        var (first, count) = SoftmaxRegression.ShardRows(batch.Size, shard);
        _loader.FillImages(batch, first, count);
        _net.ForwardRows(batch.X, _yHat, first, count);
        _net.BackwardRows(batch.X, _yHat, batch.Labels, _dLogits, first, count, shard);
        _loader.PrefetchNextImages(batch, first, count);
    }
}
