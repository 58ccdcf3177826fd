using static TorchSharp.torch;

namespace NotebookMnist.Keras;

/// <summary>Argument checks shared by Fit, Evaluate and Predict, with Keras-style messages, run before any work starts.</summary>
internal static class Checks
{
    public static void BatchSize(int batchSize)
    {
        if (batchSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(batchSize),
                $"Expected `batchSize` to be a positive integer. Received: batchSize={batchSize}.");
    }

    public static void Epochs(int epochs)
    {
        if (epochs < 1)
            throw new ArgumentOutOfRangeException(nameof(epochs), $"Expected `epochs` ≥ 1. Received: epochs={epochs}.");
    }

    public static void Verbose(int verbose)
    {
        if (verbose is < 0 or > 2)
            throw new ArgumentOutOfRangeException(nameof(verbose), $"Expected `verbose` to be 0, 1 or 2. Received: verbose={verbose}.");
    }

    public static void ValidationSplit(double validationSplit)
    {
        if (!(validationSplit >= 0 && validationSplit < 1))
            throw new ArgumentOutOfRangeException(nameof(validationSplit),
                $"Expected `validationSplit` in [0, 1). Received: validationSplit={validationSplit}.");
    }

    /// <summary>x: float32 (n, inputDim) with n ≥ 1.</summary>
    public static void Inputs(Tensor x, int inputDim, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.dim() != 2 || x.shape[1] != inputDim)
            throw new ArgumentException(
                $"Expected `{name}` to have shape (samples, {inputDim}) (the first layer's inputDim). Received: {name}.shape={Loss.Shape(x)}.", name);
        if (x.dtype != ScalarType.Float32)
            throw new ArgumentException(
                $"Expected `{name}` to be float32 (pixels as b / 255). Received: dtype={x.dtype}" +
                (x.dtype == ScalarType.Byte ? $"; convert with {name}.to(float32) / 255." : "."), name);
        if (x.shape[0] == 0)
            throw new ArgumentException($"Expected at least one sample. Received: {name}.shape={Loss.Shape(x)}.", name);
    }

    /// <summary>x and y: same sample count, at least one sample, y shaped for the loss (one-hot for categorical losses, labels in range for sparse ones).</summary>
    public static void Data(Tensor x, Tensor y, int inputDim, int units, Loss loss, string xName, string yName)
    {
        Inputs(x, inputDim, xName);
        ArgumentNullException.ThrowIfNull(y, yName);
        if (y.dim() == 0 || y.shape[0] != x.shape[0])
            throw new ArgumentException(
                $"Expected `{xName}` and `{yName}` to have the same number of samples. Received: {xName}.shape={Loss.Shape(x)}, {yName}.shape={Loss.Shape(y)}.",
                yName);
        if (loss.SparseTargets)
        {
            if (y.dtype != ScalarType.Int64 || y.dim() != 1)
                throw new ArgumentException(
                    $"Expected `{yName}` to be int64 labels of shape ({x.shape[0]},) for loss '{loss.Name}'. Received: {yName}.shape={Loss.Shape(y)}, dtype={y.dtype}.", yName);
            Labels.CheckRange(y, units, yName);
            return;
        }
        if (y.dim() != 2 || y.shape[1] != units)
            throw new ArgumentException(
                $"Expected `{yName}` to have shape ({x.shape[0]}, {units}) (the last layer's units){OneHotHint(y, units)}. Received: {yName}.shape={Loss.Shape(y)}.",
                yName);
        if (y.dtype != ScalarType.Float32)
            throw new ArgumentException($"Expected `{yName}` to be float32. Received: dtype={y.dtype}.", yName);
        if (loss is CategoricalCrossentropy or CategoricalHinge)
            OneHot(y, loss.Name, yName);
    }

    private static void OneHot(Tensor y, string lossName, string yName)
    {
        using var scope = NewDisposeScope();
        var entryOk = (y == 0) | (y == 1);
        var rowOk = entryOk.all(1) & (y.sum(1) == 1);
        var bad = (~rowOk).nonzero();
        if (bad.shape[0] == 0)
            return;
        long r = bad[0, 0].item<long>();
        var row = y[r].data<float>().ToArray();
        throw new ArgumentException(
            $"Expected `{yName}` to be one-hot (one 1 and zeros in every row, e.g. Utils.ToCategorical(labels, {y.shape[1]})) for loss " +
            $"'{lossName}'. Received: row {r} = [{string.Join(", ", row)}].", yName);
    }

    private static string OneHotHint(Tensor y, int units) =>
        (y.dim() == 1 || y.dim() == 2 && y.shape[1] == 1) && units > 1 ? $"; integer labels need Utils.ToCategorical(labels, {units})" : "";
}
