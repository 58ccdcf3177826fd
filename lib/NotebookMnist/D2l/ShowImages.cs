using static TorchSharp.torch;

namespace NotebookMnist.D2l;

public static partial class D2l
{
    /// <summary>STUB (d2ldata branch) so PredictCh3 compiles; the charts branch's ShowImages replaces this file.</summary>
    public static object ShowImages(Tensor imgs, int numRows, int numCols, string[]? titles = null, double scale = 1.5) =>
        titles ?? [];
}
