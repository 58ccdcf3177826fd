using System.Numerics.Tensors;
using NotebookMnist.Keras;

namespace NotebookMnist.Scratch;

/// <summary>d2l's softmax regression from scratch: <c>Net(X) = softmax(X·W + b)</c> with W ~ N(0, 0.01²) and b = 0.</summary>
/// <remarks>
/// Shapes: X (n, 784), W (784, 10), b (1, 10), ŷ (n, 10).
/// Gradient (what PyTorch's autograd gives d2l for <c>l.sum().backward()</c>): with o = X·W + b and the summed
/// cross-entropy L = Σᵢ −log ŷᵢ,yᵢ, ∂L/∂o = ŷ − Y (Y the one-hot labels): the softmax Jacobian and the
/// derivative of −log cancel to "prediction minus truth". Then ∂L/∂W = Xᵀ·(ŷ − Y) and ∂L/∂b = Σᵢ (ŷᵢ − Yᵢ).
/// <see cref="D2l.Sgd"/> divides by the batch size, which makes it the gradient of the mean loss, (ŷ − Y)/n.
/// Xᵀ·(ŷ − Y) is summed as two halves of the batch, rows [0, n/2) and [n/2, n), added at the end: that is how
/// <see cref="D2l.TrainEpoch"/> splits a batch between two cores, so training gives the same bits on any number of
/// cores and through either entry point.
/// Introduced in notebooks/04-softmax-regression-scratch.ipynb.
/// </remarks>
public sealed class SoftmaxRegression
{
    /// <summary>The parts a batch's gradient is summed in (see the remarks).</summary>
    internal const int Shards = 2;

    private Matrix? _dLogits, _secondHalf;

    /// <summary>Creates W ~ N(0, sigma²) of shape (numInputs, numOutputs) and b = 0.</summary>
    /// <param name="numInputs">Pixels per image, 784 for 28×28.</param>
    /// <param name="numOutputs">Classes, 10.</param>
    /// <param name="sigma">Standard deviation of the initial weights, 0.01 in d2l.</param>
    /// <param name="seed">Seeds W for a repeatable run; null draws a random seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive or sigma is negative.</exception>
    public SoftmaxRegression(int numInputs = 784, int numOutputs = 10, double sigma = 0.01, int? seed = null)
    {
        if (numInputs <= 0)
            throw new ArgumentOutOfRangeException(nameof(numInputs), $"Expected `numInputs` to be a positive integer. Received: numInputs={numInputs}.");
        if (numOutputs <= 0)
            throw new ArgumentOutOfRangeException(nameof(numOutputs), $"Expected `numOutputs` to be a positive integer. Received: numOutputs={numOutputs}.");
        W = new Parameter("W", new Matrix(numInputs, numOutputs));
        B = new Parameter("b", new Matrix(1, numOutputs));
        new RandomNormal(0, sigma, seed ?? Random.Shared.Next()).Fill(W.Value.AsSpan(), numInputs, numOutputs, Random.Shared);
        Params = [W, B];
    }

    /// <summary>The weights W (numInputs, numOutputs).</summary>
    public Parameter W { get; }

    /// <summary>The bias b (1, numOutputs).</summary>
    public Parameter B { get; }

    /// <summary>[W, b], what d2l passes to <c>sgd</c>.</summary>
    public IReadOnlyList<Parameter> Params { get; }

    /// <summary>The class probabilities ŷ = softmax(X·W + b), shape (n, numOutputs).</summary>
    /// <exception cref="ArgumentException">X does not have numInputs columns.</exception>
    public Matrix Net(Matrix X) => Net(X, new Matrix(X.Rows, W.Value.Cols));

    /// <summary>Writes ŷ = softmax(X·W + b) into <paramref name="destination"/> (n, numOutputs) and returns it.</summary>
    /// <exception cref="ArgumentException">Shapes do not fit.</exception>
    public Matrix Net(Matrix X, Matrix destination)
    {
        ArgumentNullException.ThrowIfNull(X);
        CheckInputs(X);
        Ops.CheckDestination("Net", destination, X.Rows, W.Value.Cols);
        Ops.CheckNotAliased("Net", X, nameof(X), destination);
        ForwardRows(X, destination, 0, X.Rows);
        return destination;
    }

    /// <summary>Stores in W.Grad and b.Grad the gradient of the summed cross-entropy of ŷ = Net(X) against labels y.</summary>
    /// <param name="X">The batch (n, numInputs) that produced <paramref name="yHat"/>.</param>
    /// <param name="yHat">Net(X), (n, numOutputs).</param>
    /// <param name="y">The n true class indices.</param>
    /// <exception cref="ArgumentException">Shapes or lengths do not fit, or a label is out of range.</exception>
    public void Backward(Matrix X, Matrix yHat, ReadOnlySpan<int> y)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(yHat);
        CheckInputs(X);
        if (yHat.Rows != X.Rows || yHat.Cols != W.Value.Cols || y.Length != X.Rows)
            throw new ArgumentException(
                $"Expected yHat ({X.Rows}, {W.Value.Cols}) and {X.Rows} labels for X {X.ShapeText}. Received: yHat.shape={yHat.ShapeText}, y.Length={y.Length}.",
                nameof(yHat));
        var dLogits = DLogits(X.Rows);
        for (int shard = 0; shard < Shards; shard++)
        {
            var (first, count) = ShardRows(X.Rows, shard);
            BackwardRows(X, yHat, y, dLogits, first, count, shard);
        }
        AddShards(dLogits);
    }

    /// <summary>Rows [first, first + count) of the batch's part <paramref name="shard"/>: [0, n/2) and [n/2, n).</summary>
    internal static (int First, int Count) ShardRows(int rows, int shard)
    {
        int first = rows * shard / Shards, end = rows * (shard + 1) / Shards;
        return (first, end - first);
    }

    /// <summary>A reused (rows, numOutputs) buffer for ∂L/∂o.</summary>
    internal Matrix DLogits(int rows)
    {
        if (_dLogits is null || _dLogits.Rows != rows)
            _dLogits = new Matrix(rows, W.Value.Cols);
        return _dLogits;
    }

    /// <summary>Rows [first, first + count) of ŷ = softmax(X·W + b); each row is computed the same way whatever the range.</summary>
    internal void ForwardRows(Matrix X, Matrix yHat, int first, int count)
    {
        int inputs = W.Value.Rows, outputs = W.Value.Cols;
        var o = yHat.Data.AsSpan(first * outputs, count * outputs);
        Gemm.Multiply(X.Data.AsSpan(first * inputs, count * inputs), W.Value.Data, o, count, inputs, outputs); // o = X·W
        Ops.AddRowVector(o, B.Value.Data);                                    // o += b
        if (count > 0) Ops.SoftmaxRows<float>(o, o, outputs);                // ŷ = softmax(o), in place
    }

    /// <summary>For rows [first, first + count), part <paramref name="shard"/> of the batch: ∂L/∂o = ŷ − Y into
    /// <paramref name="dLogits"/>, and that part's Xᵀ·(ŷ − Y) into its buffer (W.Grad for part 0, a second
    /// (numInputs, numOutputs) buffer for part 1) until <see cref="AddShards"/> adds them.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A label is out of range.</exception>
    internal void BackwardRows(Matrix X, Matrix yHat, ReadOnlySpan<int> y, Matrix dLogits, int first, int count, int shard)
    {
        var kernelGradient = shard == 0 ? W.Grad : _secondHalf ??= new Matrix(W.Value.Rows, W.Value.Cols);
        int inputs = W.Value.Rows, outputs = W.Value.Cols;
        var d = dLogits.Data.AsSpan(first * outputs, count * outputs);
        yHat.Data.AsSpan(first * outputs, count * outputs).CopyTo(d);           // ∂L/∂o = ŷ − Y   (n, 10)
        for (int i = first; i < first + count; i++)
        {
            if ((uint)y[i] >= (uint)outputs)
                throw new ArgumentOutOfRangeException(nameof(y), $"Expected labels in [0, {outputs}). Received: y[{i}]={y[i]}.");
            d[(i - first) * outputs + y[i]] -= 1f;
        }
        Gemm.Multiply(X.Data.AsSpan(first * inputs, count * inputs), d, kernelGradient.Data,
            inputs, count, outputs, transposeA: true);                           // Xᵀ·(ŷ − Y) over these rows
    }

    /// <summary>W.Grad = part 0 + part 1 of <see cref="BackwardRows"/>, then b.Grad = Σᵢ (ŷᵢ − Yᵢ).</summary>
    internal void AddShards(Matrix dLogits)
    {
        TensorPrimitives.Add(W.Grad.Data, _secondHalf!.Data, W.Grad.Data);      // ∂L/∂W = Xᵀ·(ŷ − Y)   (784, 10)
        Ops.Sum(dLogits, axis: 0, B.Grad);                                       // ∂L/∂b = Σᵢ (ŷᵢ − Yᵢ)  (1, 10)
    }

    private void CheckInputs(Matrix X)
    {
        if (X.Cols != W.Value.Rows)
            throw new ArgumentException(
                $"Expected X of shape (n, {W.Value.Rows}) (flattened images). Received: X.shape={X.ShapeText}.", nameof(X));
    }
}
