using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>Checks on integer class labels, shared by the sparse loss, <see cref="Utils.ToCategorical"/> and Fit.</summary>
internal static class Labels
{
    /// <summary>Throws unless every label is in [0, <paramref name="classes"/>); the message names the first bad one.</summary>
    public static void CheckRange(Tensor labels, long classes, string name)
    {
        if (LabelRange.FirstOutside(labels, classes) is not var (index, value))
            return;
        throw new ArgumentException(
            $"Expected every label in `{name}` to be in [0, {classes}) ({classes} classes). Received: {name}[{index}]={value}.", name);
    }
}
