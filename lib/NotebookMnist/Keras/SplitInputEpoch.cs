using NotebookMnist.Data;

namespace NotebookMnist.Keras;

/// <summary>One epoch of <see cref="Sequential.Fit"/> with the first Dense layer's input features split between two
/// cores: each core gathers, multiplies and updates only its own block of features.</summary>
/// <remarks>
/// <para>
/// A step at batch 32 is ~15 µs of work, too short to split by samples: the two halves of the weight gradient would
/// have to be added, and reading 31 KB that the other core has just written cost more than the half-step saved. Split
/// by input features (<see cref="Dense.InputBlock"/>), what crosses between the cores is small: core 1 hands over its
/// part of X·W (batch × units, 1.3 KB) and receives dL/dz (the same size). Everything large stays on one core: the
/// block's columns of the batch, gathered by the core that multiplies them, and the block's rows of the kernel, which
/// only that core reads and updates.
/// </para>
/// <para>
/// Each job on the <see cref="WorkerTeam"/> ends step i and starts step i + 1: core b computes block b's rows of the
/// kernel gradient of batch i and applies them, gathers block b of batch i + 1, multiplies it by its kernel rows, and
/// prefetches block b of batch i + 2. Between jobs this thread adds the two parts and runs what the kernel gradient
/// needs: the forward pass, dL/dyPred and the backward pass down to the first layer
/// (<see cref="Sequential.StepToFirstGradient"/>). The rest of step i, the loss, the metric and the other updates
/// (<see cref="Sequential.FinishStep"/>), and the targets of batch i + 1 go into the job, beside block 0, whose
/// core does not wait on the other's handover as block 1's does. The arithmetic is that of
/// <see cref="Sequential.TrainStep"/>, whose Dense layer sums the same two blocks: results are the same bits on one
/// core or two. Each block has one input buffer: a core reads block b of batch i before it gathers batch i + 1 into it.
/// </para>
/// <para>
/// Measured on the 2-core machine, one MNIST epoch at batch 32 (Dense 10, softmax) within a 10-epoch Fit: ~33 ms in a
/// timing loop and 36 ms in the benchmark while the host was busy, against ~42 ms (quiet) for the earlier design, the
/// whole step on one core and the next batch gathered on the other, and ~60 ms for this one on one core.
/// </para>
/// </remarks>
internal sealed class SplitInputEpoch : IChunkWork
{
    private readonly Sequential _model;
    private readonly Dense _first;
    private readonly IElementwiseOptimizer _optimizer;
    private readonly DataLoader _loader;
    private readonly float[][] _inputs = new float[Dense.InputBlocks][];
    private Batch? _previous, _next;
    private bool _labels;
    private (float Loss, int Correct) _finished;

    private SplitInputEpoch(Sequential model, Dense first, IElementwiseOptimizer optimizer, DataLoader loader)
    {
        (_model, _first, _optimizer, _loader) = (model, first, optimizer, loader);
        for (int block = 0; block < Dense.InputBlocks; block++)
            _inputs[block] = new float[loader.BatchSize * first.InputBlock(block).Count];
    }

    /// <summary>The split epoch for <paramref name="model"/>, or null when it does not apply: the first layer is
    /// not a Dense layer with two non-empty input blocks (32 inputs or more), or the optimizer is not element-wise.</summary>
    public static SplitInputEpoch? TryCreate(Sequential model, DataLoader loader) =>
        model.Layers[0] is Dense first && first.InputBlock(0).Count > 0 && model.Optimizer is IElementwiseOptimizer optimizer
            ? new SplitInputEpoch(model, first, optimizer, loader)
            : null;

    /// <summary>Runs the epoch; <paramref name="onStep"/>(loss, correct, size) reports each batch after its update.</summary>
    /// <param name="onStep">Called between steps on this thread; an exception from it ends the epoch.</param>
    /// <param name="labels">Count correct predictions (the accuracy metric).</param>
    /// <param name="parallel">Use the second core when it is free; false runs both blocks here.</param>
    public void Run(Action<float, int, int> onStep, bool labels, bool parallel)
    {
        using var batches = _loader.Epoch(images: false, targets: false).GetEnumerator();   // the loader's own batches
        _labels = labels;
        _previous = null;
        _next = batches.MoveNext() ? batches.Current : null;
        try
        {
            RunJob(parallel);
            while (_next is { } batch)
            {
                _model.StepToFirstGradient(_first, batch.Targets!);
                _previous = batch;
                _next = batches.MoveNext() ? batches.Current : null;
                RunJob(parallel);
                onStep(_finished.Loss, _finished.Correct, batch.Size);
            }
        }
        finally { _previous = _next = null; }
    }

    /// <summary>Part <paramref name="block"/> of the current job: the end of the previous step and the start of the next
    /// for that block of inputs; part 0 also finishes the previous step and fills the next batch's targets.</summary>
    /// <remarks>The previous and the next batch may be the same reused <see cref="Batch"/>: its targets are read
    /// (the loss) before they are refilled, and only here.</remarks>
    public void Run(int block)
    {
        if (block == 0)
        {
            if (_previous is { } done)
                _finished = _model.FinishStep(done.Targets!, _labels ? done.Labels : null);
            if (_next is { } coming)
            {
                _loader.FillTargets(coming);
                _loader.PrefetchNextTargets(coming);
            }
        }
        var (first, width) = _first.InputBlock(block);
        var x = _inputs[block];                      // block b of the previous batch, then of the next
        if (_previous is not null)
        {
            _first.KernelGradientBlock(x, width, block);
            _first.ApplyKernelGradientBlock(_optimizer, block);
        }
        if (_next is { } next)
        {
            _loader.FillColumns(next, first, width, x);
            _first.ForwardBlock(x, width, next.Size, block);
            _loader.PrefetchNextColumns(next, first, width);
        }
    }

    private void RunJob(bool parallel)
    {
        if (!parallel || !WorkerTeam.Shared.TryRun(this, Dense.InputBlocks))
            for (int block = 0; block < Dense.InputBlocks; block++) Run(block);
    }
}
