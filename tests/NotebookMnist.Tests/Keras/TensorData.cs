using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Tests.Keras;

/// <summary>Small tensors for the Keras tests, written out by hand.</summary>
internal static class TensorData
{
    /// <summary>A float32 (rows, cols) tensor from rows.</summary>
    public static Tensor Rows(params float[][] rows) =>
        tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length]);

    /// <summary>A float64 (rows, cols) tensor from rows.</summary>
    public static Tensor Rows64(params double[][] rows) =>
        tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length]);

    /// <summary>One-hot float32 rows for labels.</summary>
    public static Tensor OneHot(int[] labels, int classes) =>
        NotebookMnist.Keras.Utils.ToCategorical(tensor(labels.Select(l => (long)l).ToArray()), classes);

    /// <summary>Three noisy clusters in 4 features (feature j high for class j): linearly separable, for quick fits.</summary>
    public static (Tensor X, Tensor Y) Blobs(int n, int seed)
    {
        var random = new Random(seed);
        var x = new float[n * 4];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.Next(3);
            for (int j = 0; j < 4; j++)
                x[i * 4 + j] = (float)(random.NextDouble() - 0.5 + (j == labels[i] ? 1.5 : 0));
        }
        return (tensor(x, [n, 4]), OneHot(labels, 3));
    }

    public static float[] Floats(Tensor t) => t.contiguous().data<float>().ToArray();
}
