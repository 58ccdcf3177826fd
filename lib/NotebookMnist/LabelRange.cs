using static TorchSharp.torch;

namespace NotebookMnist;

/// <summary>Finds class labels outside [0, classes): the one search behind the data's and Keras's label checks.</summary>
internal static class LabelRange
{
    /// <summary>The position (in reading order) and value of the first label outside [0, <paramref name="classes"/>),
    /// or null when every label is inside.</summary>
    public static (long Index, long Value)? FirstOutside(Tensor labels, long classes)
    {
        if (labels.numel() == 0)
            return null;
        using var scope = NewDisposeScope();
        var flat = labels.reshape(-1);
        var bad = ((flat < 0) | (flat >= classes)).nonzero();
        if (bad.shape[0] == 0)
            return null;
        long index = bad[0, 0].item<long>();
        return (index, flat[index].item<long>());
    }
}
