using static TorchSharp.torch;

namespace NotebookMnist.Tests;

/// <summary>Tensor values as arrays, for xunit's sequence asserts (labels as int[], pixels as byte[]).</summary>
internal static class TensorValues
{
    /// <summary>The values, flattened, as ints (e.g. int64 labels).</summary>
    public static int[] Ints(this Tensor t)
    {
        using var scope = NewDisposeScope();
        return t.to_type(ScalarType.Int32).flatten().contiguous().data<int>().ToArray();
    }

    /// <summary>The uint8 values, flattened (e.g. the pixels of LabeledImages.Images).</summary>
    public static byte[] Bytes(this Tensor t)
    {
        using var scope = NewDisposeScope();
        return t.flatten().contiguous().data<byte>().ToArray();
    }
}
