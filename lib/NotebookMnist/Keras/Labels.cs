using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>Checks on integer class labels, shared by the sparse loss, <see cref="Utils.ToCategorical"/> and Fit.</summary>
internal static class Labels
{
    /// <summary>Throws unless every label is in [0, <paramref name="classes"/>); the message names the first bad one.</summary>
    public static void CheckRange(Tensor labels, long classes, string name)
    {
        if (labels.numel() == 0)
            return;
        using var scope = NewDisposeScope();
        var flat = labels.reshape(-1);
        var bad = ((flat < 0) | (flat >= classes)).nonzero();
        if (bad.shape[0] == 0)
            return;
        long index = bad[0, 0].item<long>();
        long value = flat[index].item<long>();
        throw new ArgumentException(
            $"Expected every label in `{name}` to be in [0, {classes}) ({classes} classes). Received: {name}[{index}]={value}.", name);
    }
}
