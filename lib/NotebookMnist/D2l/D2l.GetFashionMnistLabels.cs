using NotebookMnist.Data;
using static TorchSharp.torch;

namespace NotebookMnist.D2l;

public static partial class D2l
{
    /// <summary>The text labels of Fashion-MNIST class indices (d2l's <c>get_fashion_mnist_labels</c>), e.g. 9 → "ankle boot".</summary>
    /// <param name="labels">Class indices in [0, 10), any integer dtype, any shape (read in order); a long[] converts implicitly.</param>
    /// <exception cref="ArgumentOutOfRangeException">A label is outside [0, 10).</exception>
    public static string[] GetFashionMnistLabels(Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = NewDisposeScope();
        var values = labels.to_type(ScalarType.Int64).flatten().contiguous();
        return FashionMnist.TextLabels(values.data<long>().ToArray());
    }
}
