using TorchSharp;
using static TorchSharp.torch;

// TRANSITIONAL (d2ldata branch): the datasets now hold uint8/int64 tensors, while the Matrix-based Keras tests and
// benchmarks still read them as float matrices and int labels. This file goes with Numerics/.
namespace NotebookMnist;

public sealed partial class Matrix
{
    /// <summary>Images as an (n, h × w) float matrix b / 255 (uint8 tensors), or a 2-D float32 tensor's values.</summary>
    public static implicit operator Matrix(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var scope = torch.NewDisposeScope();
        var floats = images.dtype == ScalarType.Byte ? images.to_type(ScalarType.Float32).div_(255f) : images.to_type(ScalarType.Float32);
        long rows = floats.shape[0];
        floats = floats.reshape(rows, -1).contiguous();
        return new Matrix((int)rows, (int)floats.shape[1], floats.data<float>().ToArray());
    }
}

public static partial class Ops
{
    /// <summary>One-hot rows of int64 labels.</summary>
    public static Matrix OneHot(Tensor labels, int numClasses)
    {
        ArgumentNullException.ThrowIfNull(labels);
        int[] values = labels.data<long>().Select(l => (int)l).ToArray();
        return OneHot(values, numClasses);
    }
}
