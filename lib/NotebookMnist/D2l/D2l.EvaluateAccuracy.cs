using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.D2l;

public static partial class D2l
{
    /// <summary>The accuracy of <paramref name="net"/> over a whole iterator (d2l's <c>evaluate_accuracy</c>), in [0, 1].</summary>
    /// <param name="net">The model: X (B, …) → ŷ (B, classes).</param>
    /// <param name="dataIter">Batches (X, y), e.g. the test iterator of <see cref="LoadDataFashionMnist"/>.</param>
    /// <remarks>Accumulator(2) of (correct predictions, examples) under <c>torch.no_grad()</c>, each batch in its own
    /// dispose scope. An untrained net gets about 0.1 on Fashion-MNIST (d2l shows 0.0625).</remarks>
    /// <exception cref="ArgumentException">The iterator yields no examples.</exception>
    public static double EvaluateAccuracy(Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> dataIter)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(dataIter);
        var metric = new Accumulator(2);                 // correct predictions, examples
        using (torch.no_grad())
        {
            foreach (var (X, y) in dataIter)
            {
                using var scope = torch.NewDisposeScope();
                metric.Add(Accuracy(net(X), y), y.numel());
            }
        }
        if (metric[1] == 0)
            throw new ArgumentException(
                "Expected `dataIter` to yield at least one example. Received: no examples (0 / 0 has no accuracy).",
                nameof(dataIter));
        return metric[0] / metric[1];
    }

    /// <summary>As <see cref="EvaluateAccuracy(Func{Tensor, Tensor}, IEnumerable{ValueTuple{Tensor, Tensor}})"/>
    /// for a module, put in evaluation mode first (d2l: <c>if isinstance(net, torch.nn.Module): net.eval()</c>).</summary>
    public static double EvaluateAccuracy(nn.Module<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> dataIter)
    {
        ArgumentNullException.ThrowIfNull(net);
        net.eval();
        return EvaluateAccuracy(net.call, dataIter);
    }
}
