using NotebookMnist.Data;

namespace NotebookMnist.D2l;

public static partial class D2l
{
    /// <summary>Fashion-MNIST's train and test iterators (d2l's <c>load_data_fashion_mnist</c>): train shuffled, test in order.</summary>
    /// <param name="batchSize">Examples per batch, ≥ 1 (d2l uses 256).</param>
    /// <param name="resize">When set, images are resized to resize × resize (bilinear, align_corners = false; see
    /// <see cref="DataLoader.Resize"/>), e.g. 64 gives X (B, 1, 64, 64).</param>
    /// <param name="seed">Seeds the training order (d2l leaves it to torch's global generator).</param>
    /// <returns>Batches X float32 (B, 1, 28, 28) = b / 255 and y int64 (B).</returns>
    /// <remarks>Loads the data with <see cref="FashionMnist.Load"/> (cache, Debian package or download, verified).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">batchSize or resize is not positive.</exception>
    public static (DataLoader TrainIter, DataLoader TestIter) LoadDataFashionMnist(int batchSize, int? resize = null, long seed = 0)
    {
        DataLoader.CheckArguments(batchSize, resize);   // before the data is loaded
        var data = FashionMnist.Load();
        return (new DataLoader(data.Train, batchSize, shuffle: true, seed: seed, resize: resize),
                new DataLoader(data.Test, batchSize, shuffle: false, resize: resize));
    }
}
