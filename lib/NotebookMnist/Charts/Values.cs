using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Charts;

/// <summary>Turns TorchSharp tensors into the plain double arrays the figure model holds.</summary>
internal static class Values
{
    /// <summary>The elements of <paramref name="tensor"/> in row-major order as float64 (any dtype, any device).</summary>
    public static double[] Of(Tensor tensor, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        using var scope = NewDisposeScope();
        return tensor.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
    }

    /// <summary>A 1-D tensor's elements; a tensor of another rank gets an error naming it and its shape.</summary>
    public static double[] Vector(Tensor tensor, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        if (tensor.dim() != 1)
            throw new ArgumentException(
                $"Expected `{name}` to be a 1-D tensor. Received: {name} of shape [{string.Join(", ", tensor.shape)}].", name);
        return Of(tensor, name);
    }

    /// <summary>A 2-D tensor's elements as rows × columns.</summary>
    public static double[,] Matrix(Tensor tensor, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        if (tensor.dim() != 2)
            throw new ArgumentException(
                $"Expected `{name}` to be a 2-D tensor. Received: {name} of shape [{string.Join(", ", tensor.shape)}].", name);
        double[] flat = Of(tensor, name);
        int rows = (int)tensor.shape[0], cols = (int)tensor.shape[1];
        var result = new double[rows, cols];
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(double));
        return result;
    }
}
