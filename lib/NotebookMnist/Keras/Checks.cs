namespace NotebookMnist.Keras;

/// <summary>Argument checks shared by Fit, Evaluate and Predict, with Keras-style messages.</summary>
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

    public static void InputDim(Matrix x, int inputDim, string name)
    {
        if (x.Cols != inputDim)
            throw new ArgumentException(
                $"Expected `{name}` to have {inputDim} columns (the first layer's inputDim). Received: {name}.shape={x.ShapeText}.", name);
    }

    /// <summary>x and y: same sample count, at least one sample, y columns = model outputs, one-hot for categorical losses.</summary>
    public static void Data(Matrix x, Matrix y, int inputDim, int units, ILoss loss, string xName, string yName)
    {
        ArgumentNullException.ThrowIfNull(x, xName);
        ArgumentNullException.ThrowIfNull(y, yName);
        InputDim(x, inputDim, xName);
        if (x.Rows != y.Rows)
            throw new ArgumentException(
                $"Expected `{xName}` and `{yName}` to have the same number of samples. Received: {xName}.shape={x.ShapeText}, {yName}.shape={y.ShapeText}.",
                yName);
        if (x.Rows == 0)
            throw new ArgumentException($"Expected at least one sample. Received: {xName}.shape={x.ShapeText}.", xName);
        if (y.Cols != units)
            throw new ArgumentException(
                $"Expected `{yName}` to have {units} columns (the last layer's units){OneHotHint(y, units)}. Received: {yName}.shape={y.ShapeText}.",
                yName);
        if (loss.Name.StartsWith("categorical", StringComparison.Ordinal))
            OneHot(y, loss.Name, yName);
    }

    private static void OneHot(Matrix y, string lossName, string yName)
    {
        for (int r = 0; r < y.Rows; r++)
        {
            var row = y.Row(r);
            int ones = 0;
            foreach (float v in row)
            {
                if (v == 1f) ones++;
                else if (v != 0f) { ones = -1; break; }
            }
            if (ones != 1)
                throw new ArgumentException(
                    $"Expected `{yName}` to be one-hot (one 1 and zeros in every row, e.g. Ops.OneHot(labels, {y.Cols})) for loss " +
                    $"'{lossName}'. Received: row {r} = [{string.Join(", ", row.ToArray())}].", yName);
        }
    }

    private static string OneHotHint(Matrix y, int units) =>
        y.Cols == 1 && units > 1 ? $"; integer labels need Ops.OneHot(labels, {units})" : "";
}
