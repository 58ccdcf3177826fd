using System.Numerics.Tensors;

namespace NotebookMnist.Scratch;

public static partial class D2l
{
    /// <summary>Minibatch SGD (d2l's <c>sgd(params, lr, batch_size)</c>): param −= lr · grad / batchSize, then grad = 0.</summary>
    /// <remarks>The gradients are of the summed batch loss, so dividing by batchSize makes the step use the mean.</remarks>
    /// <param name="params">The parameters, e.g. <c>net.Params</c> ([W, b]).</param>
    /// <param name="lr">Learning rate, positive (d2l uses 0.1).</param>
    /// <param name="batchSize">Samples in the batch the gradients were summed over, positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">lr or batchSize is not positive.</exception>
    public static void Sgd(IEnumerable<Parameter> @params, double lr, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(@params);
        if (!(lr > 0) || double.IsInfinity(lr))
            throw new ArgumentOutOfRangeException(nameof(lr), $"Expected `lr` to be a positive number. Received: lr={lr}.");
        if (batchSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(batchSize), $"Expected `batchSize` to be a positive integer. Received: batchSize={batchSize}.");
        float step = (float)(-lr / batchSize);
        foreach (var p in @params)
        {
            TensorPrimitives.MultiplyAdd(p.Grad.AsSpan(), step, p.Value.AsSpan(), p.Value.AsSpan());
            p.Grad.AsSpan().Clear();
        }
    }
}
