using static TorchSharp.torch;

namespace NotebookMnist;

/// <summary>Tensor facts as error messages print them.</summary>
internal static class TensorText
{
    /// <summary>A shape as d2l and torch users read it: (256, 1, 28, 28).</summary>
    public static string Shape(Tensor t) => $"({string.Join(", ", t.shape)})";
}
