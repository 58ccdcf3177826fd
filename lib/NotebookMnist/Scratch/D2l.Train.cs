using NotebookMnist.Data;
using NotebookMnist.Keras;

namespace NotebookMnist.Scratch;

/// <summary>One epoch's numbers as d2l's Animator plots them: train loss, train accuracy, test accuracy.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="TrainLoss">Mean loss per example over the epoch's batches (before each update).</param>
/// <param name="TrainAccuracy">Fraction of training examples predicted right during the epoch.</param>
/// <param name="TestAccuracy">Accuracy on the test iterator after the epoch.</param>
public readonly record struct EpochMetrics(int Epoch, double TrainLoss, double TrainAccuracy, double TestAccuracy);

public static partial class D2l
{
    /// <summary>Trains one epoch (d2l's <c>train_epoch_ch3</c>) and returns (mean loss, accuracy) over it.</summary>
    /// <param name="net">The model; its backward pass is the closed-form softmax cross-entropy gradient.</param>
    /// <param name="trainIter">Training batches, e.g. <c>new DataLoader(train, 256, shuffle: true)</c>.</param>
    /// <param name="loss">Per-example loss (ŷ, y) for the report, normally <see cref="CrossEntropy"/>.</param>
    /// <param name="updater">Called with the batch size after each backward pass, e.g. <c>n =&gt; Sgd(net.Params, 0.1f, n)</c>.</param>
    /// <remarks>
    /// The update always follows the cross-entropy gradient (see <see cref="SoftmaxRegression"/>); <paramref name="loss"/>
    /// only decides the reported number, so pass <see cref="CrossEntropy"/> to report what is optimised.
    /// </remarks>
    public static (double TrainLoss, double TrainAccuracy) TrainEpoch(
        SoftmaxRegression net, IEnumerable<Batch> trainIter, Func<Matrix, int[], float[]> loss, Action<int> updater)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(trainIter);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(updater);
        var buffers = new BatchBuffers(net);
        var metric = new Accumulator(3);                         // loss sum, correct, examples
        if (trainIter is DataLoader loader && loader.Labels)
        {
            // The same steps as the loop below, each batch split between two cores (see ShardedEpoch).
            new ShardedEpoch(net, loader).Run(buffers.For, (yHat, batch) =>
            {
                metric.Add(Sum(loss(yHat, batch.Labels)), Accuracy(yHat, batch.Labels), batch.Size);
                updater(batch.Size);
            }, ParallelTraining);
            return (metric[0] / metric[2], metric[1] / metric[2]);
        }
        foreach (var batch in trainIter)
        {
            var (X, y, size) = (batch.X, batch.Labels, batch.Size);
            var yHat = net.Net(X, buffers.For(X.Rows));          // (n, 10)
            float[] l = loss(yHat, y);
            metric.Add(Sum(l), Accuracy(yHat, y), size);
            net.Backward(X, yHat, y);                            // gradients of l.sum()
            updater(size);
        }
        return (metric[0] / metric[2], metric[1] / metric[2]);
    }

    /// <summary>Trains for <paramref name="numEpochs"/> epochs (d2l's <c>train_ch3</c>), reporting each epoch to <paramref name="onEpoch"/>.</summary>
    /// <param name="net">The model.</param>
    /// <param name="trainIter">Training batches (shuffled).</param>
    /// <param name="testIter">Test batches, evaluated after every epoch.</param>
    /// <param name="loss">Per-example loss for the report, normally <see cref="CrossEntropy"/>.</param>
    /// <param name="numEpochs">Epochs, ≥ 1 (d2l uses 10).</param>
    /// <param name="updater">Called with the batch size after each backward pass.</param>
    /// <param name="onEpoch">Receives each epoch's numbers as soon as they exist: the live Animator hooks in here.</param>
    /// <returns>All epochs' numbers.</returns>
    /// <exception cref="ArgumentOutOfRangeException">numEpochs &lt; 1.</exception>
    public static IReadOnlyList<EpochMetrics> Train(SoftmaxRegression net, IEnumerable<Batch> trainIter, IEnumerable<Batch> testIter,
        Func<Matrix, int[], float[]> loss, int numEpochs, Action<int> updater, Action<EpochMetrics>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(testIter);
        if (numEpochs < 1)
            throw new ArgumentOutOfRangeException(nameof(numEpochs), $"Expected `numEpochs` ≥ 1. Received: numEpochs={numEpochs}.");
        var results = new List<EpochMetrics>(numEpochs);
        for (int epoch = 1; epoch <= numEpochs; epoch++)
        {
            var (trainLoss, trainAccuracy) = TrainEpoch(net, trainIter, loss, updater);
            var metrics = new EpochMetrics(epoch, trainLoss, trainAccuracy, EvaluateAccuracy(net, testIter));
            results.Add(metrics);
            onEpoch?.Invoke(metrics);
        }
        return results;
    }

    /// <summary>Split each batch of a <see cref="DataLoader"/> between two cores (identical results; ~30 → ~21 ms per
    /// Fashion-MNIST epoch at batch 256 on the 2-core machine). Off only for tests and benchmarks.</summary>
    internal static bool ParallelTraining { get; set; } = true;

    private static double Sum(float[] values)
    {
        double sum = 0;
        foreach (float v in values) sum += v;
        return sum;
    }
}
