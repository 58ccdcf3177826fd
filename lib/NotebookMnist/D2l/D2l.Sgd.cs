using TorchSharp;
using static TorchSharp.torch;
using static NotebookMnist.TensorText;

namespace NotebookMnist.D2l;

public static partial class D2l
{
    /// <summary>Minibatch stochastic gradient descent (d2l's <c>sgd</c>): param −= lr · param.grad / batchSize, then the gradient is zeroed.</summary>
    /// <param name="params">Leaf tensors with requires_grad, after a backward pass of the summed loss.</param>
    /// <param name="lr">Learning rate, finite and &gt; 0 (d2l uses 0.1).</param>
    /// <param name="batchSize">The examples the summed loss covered, ≥ 1.</param>
    /// <remarks>Runs under <c>torch.no_grad()</c>, in place. Dividing by the batch size makes the step that of the mean loss.</remarks>
    /// <exception cref="ArgumentException">lr is not a positive number, batchSize &lt; 1, or a parameter has no gradient.</exception>
    public static void Sgd(IEnumerable<Tensor> @params, double lr, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(@params);
        if (!(lr > 0) || double.IsInfinity(lr))
            throw new ArgumentOutOfRangeException(nameof(lr), $"Expected `lr` to be a positive finite number. Received: lr={lr}.");
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(
                nameof(batchSize), $"Expected `batchSize` to be a positive integer. Received: batchSize={batchSize}.");
        using var noGrad = torch.no_grad();
        int i = 0;
        foreach (var param in @params)
        {
            using var grad = param.grad
                ?? throw new ArgumentException(
                    $"Expected every parameter to have a gradient (run backward first). Received: params[{i}] shape={Shape(param)} with grad=null.",
                    nameof(@params));
            using (var step = grad.mul(lr).div_(batchSize))     // lr * param.grad / batch_size, as d2l
                param.sub_(step);
            grad.zero_();
            i++;
        }
    }
}
