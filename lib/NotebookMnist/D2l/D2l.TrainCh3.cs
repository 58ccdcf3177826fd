using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.D2l;

public static partial class D2l
{
    /// <summary>Trains for <paramref name="numEpochs"/> epochs (d2l's <c>train_ch3</c>), drawing train loss, train
    /// accuracy and test accuracy per epoch, and returns the chart.</summary>
    /// <param name="net">The model: X (B, …) → ŷ (B, classes).</param>
    /// <param name="trainIter">Training batches (shuffled).</param>
    /// <param name="testIter">Test batches, evaluated after every epoch.</param>
    /// <param name="loss">Per-example loss (ŷ, y) → (B).</param>
    /// <param name="numEpochs">Epochs, ≥ 1 (d2l uses 10).</param>
    /// <param name="updater">Called with the batch size after each <c>l.sum().backward()</c>, e.g. <c>n =&gt; D2l.Sgd([W, b], lr, n)</c>.</param>
    /// <remarks>
    /// Ends with d2l's checks: the last train loss &lt; 0.5, and 0.7 &lt; train and test accuracy ≤ 1. A run that misses
    /// them (too few epochs, a bad learning rate) throws after the chart is drawn.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">numEpochs &lt; 1.</exception>
    /// <exception cref="InvalidOperationException">The trained model missed d2l's checks; the message gives the numbers.</exception>
    public static Animator TrainCh3(
        Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter, IEnumerable<(Tensor X, Tensor y)> testIter,
        Func<Tensor, Tensor, Tensor> loss, int numEpochs, Action<int> updater)
    {
        ArgumentNullException.ThrowIfNull(updater);
        return TrainCh3(numEpochs, () => TrainEpochCh3(net, trainIter, loss, updater), () => EvaluateAccuracy(net, testIter));
    }

    /// <summary>As the hand-written-updater overload, with a torch optimizer (d2l §3.7's <c>torch.optim.SGD</c>).</summary>
    public static Animator TrainCh3(
        Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter, IEnumerable<(Tensor X, Tensor y)> testIter,
        Func<Tensor, Tensor, Tensor> loss, int numEpochs, torch.optim.Optimizer updater)
    {
        ArgumentNullException.ThrowIfNull(updater);
        return TrainCh3(numEpochs, () => TrainEpochCh3(net, trainIter, loss, updater), () => EvaluateAccuracy(net, testIter));
    }

    /// <summary>As the function overload, for a module: training mode for each epoch, evaluation mode for the test.</summary>
    public static Animator TrainCh3(
        nn.Module<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter, IEnumerable<(Tensor X, Tensor y)> testIter,
        Func<Tensor, Tensor, Tensor> loss, int numEpochs, torch.optim.Optimizer updater)
    {
        ArgumentNullException.ThrowIfNull(net);
        return TrainCh3(numEpochs, () => TrainEpochCh3(net, trainIter, loss, updater), () => EvaluateAccuracy(net, testIter));
    }

    private static Animator TrainCh3(int numEpochs, Func<(double, double)> trainEpoch, Func<double> evaluate)
    {
        if (numEpochs < 1)
            throw new ArgumentOutOfRangeException(
                nameof(numEpochs), $"Expected `numEpochs` to be a positive integer. Received: numEpochs={numEpochs}.");
        var animator = new Animator(xlabel: "epoch", xlim: (1, numEpochs), ylim: (0.3, 0.9),
            legend: ["train loss", "train acc", "test acc"]);
        double trainLoss = double.NaN, trainAcc = double.NaN, testAcc = double.NaN;
        for (int epoch = 0; epoch < numEpochs; epoch++)
        {
            (trainLoss, trainAcc) = trainEpoch();
            testAcc = evaluate();
            animator.Add(epoch + 1, trainLoss, trainAcc, testAcc);
        }
        // d2l's asserts, as errors that give the numbers.
        if (!(trainLoss < 0.5))
            throw new InvalidOperationException(
                $"TrainCh3: expected the final train loss < 0.5. Received: train_loss={trainLoss:G6} after {numEpochs} epochs.");
        if (!(trainAcc > 0.7 && trainAcc <= 1))
            throw new InvalidOperationException(
                $"TrainCh3: expected 0.7 < train accuracy ≤ 1. Received: train_acc={trainAcc:G6} after {numEpochs} epochs.");
        if (!(testAcc > 0.7 && testAcc <= 1))
            throw new InvalidOperationException(
                $"TrainCh3: expected 0.7 < test accuracy ≤ 1. Received: test_acc={testAcc:G6} after {numEpochs} epochs.");
        return animator;
    }
}
