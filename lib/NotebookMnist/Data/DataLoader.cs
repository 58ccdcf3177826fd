using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Data;

/// <summary>Mini-batches (X, y) over a dataset split, optionally shuffled with a seed: PyTorch's DataLoader as d2l uses it.</summary>
/// <remarks>
/// <para>Each batch is one <c>index_select</c> of the split's uint8 pixels, converted to float32 and divided by 255
/// (as torchvision's ToTensor): X is (B, 1, height, width) float32 in [0, 1], y is (B) int64. The last partial batch
/// is kept, so an epoch has ⌈n / batchSize⌉ batches.</para>
/// <para>Each enumeration is one epoch. With <c>shuffle</c>, the epoch's order is <c>torch.randperm</c> drawn from a
/// generator seeded once, so a run is reproducible and the epochs differ; without it the order is 0, 1, 2, ….</para>
/// <para>The loader owns its batches: a batch is disposed when the loop moves on to the next one (native memory stays
/// flat however long you train). The batch a loop breaks out with is left to the caller. Keep a batch beyond its
/// step with <c>X.clone()</c>. Introduced in notebooks/03-dataset.ipynb.</para>
/// </remarks>
public sealed class DataLoader : IEnumerable<(Tensor X, Tensor y)>
{
    private readonly LabeledImages _data;
    private readonly torch.Generator? _generator;

    /// <summary>Batches of <paramref name="dataset"/>, e.g. <c>new DataLoader(data.Train, 256, shuffle: true)</c>.</summary>
    /// <param name="dataset">A split, e.g. FashionMnist.Load().Train.</param>
    /// <param name="batchSize">Examples per batch, ≥ 1 (d2l uses 256).</param>
    /// <param name="shuffle">Draw a new order each epoch (true for training, false for testing; PyTorch's default false).</param>
    /// <param name="seed">Seeds the shuffling once, for reproducible runs.</param>
    /// <param name="resize">When set, each batch is resized to (B, 1, resize, resize) (see <see cref="Resize"/>).</param>
    /// <exception cref="ArgumentException">The batch size or resize is not positive, or the dataset is empty.</exception>
    public DataLoader(LabeledImages dataset, int batchSize, bool shuffle = false, long seed = 0, int? resize = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        CheckArguments(batchSize, resize);
        if (dataset.Count == 0)
            throw new ArgumentException(
                $"Expected `dataset` with at least one example. Received: dataset with 0 images ({dataset}).", nameof(dataset));
        _data = dataset;
        BatchSize = batchSize;
        Shuffle = shuffle;
        Resize = resize;
        if (shuffle) _generator = new torch.Generator((ulong)seed);
    }

    /// <summary>Examples per full batch.</summary>
    public int BatchSize { get; }

    /// <summary>True when each epoch draws a new order.</summary>
    public bool Shuffle { get; }

    /// <summary>The side of the resized images, or null for the stored size.</summary>
    /// <remarks>
    /// Resizing is <c>torch.nn.functional.interpolate</c>, bilinear, align_corners = false (pixel centres aligned, as
    /// PIL and torchvision's Resize when enlarging), applied to the float batch. d2l resizes the uint8 PIL image before
    /// ToTensor, so its values are rounded to multiples of 1/255; these are not.
    /// </remarks>
    public int? Resize { get; }

    /// <summary>The dataset split the batches come from.</summary>
    public LabeledImages Dataset => _data;

    /// <summary>The number of examples.</summary>
    public int Count => _data.Count;

    /// <summary>Batches per epoch, ⌈Count / BatchSize⌉, counting the last partial batch.</summary>
    public int BatchCount => (Count + BatchSize - 1) / BatchSize;

    /// <summary>Starts an epoch: draws a new order (when shuffling) and yields its batches.</summary>
    public IEnumerator<(Tensor X, Tensor y)> GetEnumerator()
    {
        Tensor order = NewOrder();
        (Tensor X, Tensor y)? current = null;
        try
        {
            for (long start = 0; start < Count; start += BatchSize)
            {
                Dispose(current);
                current = null;
                current = MakeBatch(order, start, Math.Min(BatchSize, Count - start));
                yield return current.Value;
            }
            Dispose(current);   // the loop ran to its end: the caller is done with the last batch
        }
        finally
        {
            order.Dispose();
        }
    }

    /// <summary>Text like "DataLoader(60000 images of 28×28, 10 classes; batchSize=256, shuffle=True)".</summary>
    public override string ToString() =>
        $"DataLoader({_data}; batchSize={BatchSize}, shuffle={Shuffle}{(Resize is int r ? $", resize={r}" : "")})";

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The epoch's order of example indices, int64 (n).</summary>
    private Tensor NewOrder()
    {
        using var scope = torch.NewDisposeScope();
        var order = _generator is null ? torch.arange(Count, dtype: ScalarType.Int64) : torch.randperm(Count, generator: _generator);
        return order.DetachFromDisposeScope();
    }

    /// <summary>Examples order[start .. start + size): one index_select of the pixels, then the float scaling.</summary>
    private (Tensor X, Tensor y) MakeBatch(Tensor order, long start, long size)
    {
        using var scope = torch.NewDisposeScope();
        var rows = order.narrow(0, start, size);                                      // (B) int64
        var X = _data.Images.index_select(0, rows)                                    // (B, h, w) uint8
            .div(255f)                                                                // float32 b / 255 in one pass
            .unsqueeze_(1);                                                           // (B, 1, h, w)
        if (Resize is int side)
            X = torch.nn.functional.interpolate(X, [side, side], mode: InterpolationMode.Bilinear, align_corners: false);
        var y = _data.Labels.index_select(0, rows);                                   // (B) int64
        return (X.DetachFromDisposeScope(), y.DetachFromDisposeScope());
    }

    private static void Dispose((Tensor X, Tensor y)? batch)
    {
        if (batch is not var (X, y)) return;
        X.Dispose();
        y.Dispose();
    }

    /// <summary>Checks a batch size and a resize before any data is loaded (d2l's loader shares it).</summary>
    /// <exception cref="ArgumentOutOfRangeException">batchSize or resize is not positive.</exception>
    internal static void CheckArguments(int batchSize, int? resize)
    {
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(
                nameof(batchSize), $"Expected `batchSize` to be a positive integer. Received: batchSize={batchSize}.");
        if (resize is < 1)
            throw new ArgumentOutOfRangeException(
                nameof(resize), $"Expected `resize` to be a positive integer or null. Received: resize={resize}.");
    }
}
