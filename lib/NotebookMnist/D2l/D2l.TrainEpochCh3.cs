using TorchSharp;
using static TorchSharp.torch;
using static NotebookMnist.TensorText;

namespace NotebookMnist.D2l;

public static partial class D2l
{
    /// <summary>Trains one epoch (d2l's <c>train_epoch_ch3</c>) with a hand-written updater; returns (mean loss, accuracy).</summary>
    /// <param name="net">The model: X (B, …) → ŷ (B, classes).</param>
    /// <param name="trainIter">Training batches (X, y).</param>
    /// <param name="loss">Per-example loss (ŷ, y) → (B), e.g. notebook 04's <c>cross_entropy</c>.</param>
    /// <param name="updater">Called with the batch size after <c>l.sum().backward()</c>, e.g. <c>n =&gt; D2l.Sgd([W, b], 0.1, n)</c>.</param>
    /// <remarks>Accumulator(3) of (loss sum, correct predictions, examples); each step runs in its own dispose scope.</remarks>
    /// <exception cref="ArgumentException">A batch is empty, the loss is not one value per example, or the epoch has no batches.</exception>
    public static (double TrainLoss, double TrainAcc) TrainEpochCh3(
        Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter, Func<Tensor, Tensor, Tensor> loss,
        Action<int> updater)
    {
        ArgumentNullException.ThrowIfNull(updater);
        return TrainEpoch(net, trainIter, loss, (l, n) =>
        {
            l.sum().backward();                          // gradients of the summed loss; the updater divides by n
            updater(n);
        });
    }

    /// <summary>Trains one epoch (d2l's <c>train_epoch_ch3</c>) with a torch optimizer: zero_grad, <c>l.mean().backward()</c>, step.</summary>
    /// <param name="net">The model: X (B, …) → ŷ (B, classes).</param>
    /// <param name="trainIter">Training batches (X, y).</param>
    /// <param name="loss">Per-example loss (ŷ, y) → (B), e.g. <c>nn.CrossEntropyLoss(reduction: nn.Reduction.None).call</c>.</param>
    /// <param name="updater">A torch optimizer over the net's parameters, e.g. <c>torch.optim.SGD(net.parameters(), 0.1)</c>.</param>
    public static (double TrainLoss, double TrainAcc) TrainEpochCh3(
        Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter, Func<Tensor, Tensor, Tensor> loss,
        torch.optim.Optimizer updater)
    {
        ArgumentNullException.ThrowIfNull(updater);
        return TrainEpoch(net, trainIter, loss, (l, _) =>
        {
            updater.zero_grad();
            l.mean().backward();
            updater.step();
        });
    }

    /// <summary>As the function overload, for a module put in training mode first (d2l: <c>net.train()</c>).</summary>
    public static (double TrainLoss, double TrainAcc) TrainEpochCh3(
        nn.Module<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter, Func<Tensor, Tensor, Tensor> loss,
        torch.optim.Optimizer updater)
    {
        ArgumentNullException.ThrowIfNull(net);
        net.train();
        return TrainEpochCh3(net.call, trainIter, loss, updater);
    }

    /// <summary>The loop both updaters share: forward, loss, update, and the epoch's sums.</summary>
    private static (double, double) TrainEpoch(
        Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter, Func<Tensor, Tensor, Tensor> loss,
        Action<Tensor, int> update)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(trainIter);
        ArgumentNullException.ThrowIfNull(loss);
        var metric = new Accumulator(3);                 // loss sum, correct predictions, examples
        int step = 0;
        foreach (var (X, y) in trainIter)
        {
            using var scope = torch.NewDisposeScope();   // every tensor of this step is freed at its end
            int n = (int)y.numel();
            if (n == 0 || X.shape[0] != n)
                throw new ArgumentException(
                    $"Expected every batch to hold at least one example, with one label per row of X. Received: batch {step} with X shape={Shape(X)}, y shape={Shape(y)}.",
                    nameof(trainIter));
            var yHat = net(X);                           // (B, classes)
            var l = loss(yHat, y);                       // (B)
            if (l.numel() != n)
                throw new ArgumentException(
                    $"Expected `loss` to return one value per example ({n}), as reduction='none'. Received: loss shape={Shape(l)} at batch {step}.",
                    nameof(loss));
            update(l, n);
            using (torch.no_grad())
                metric.Add(l.sum().to_type(ScalarType.Float64).item<double>(), Accuracy(yHat, y), n);
            step++;
        }
        if (metric[2] == 0)
            throw new ArgumentException(
                "Expected `trainIter` to yield at least one batch. Received: an epoch with no batches.", nameof(trainIter));
        return (metric[0] / metric[2], metric[1] / metric[2]);
    }
}
