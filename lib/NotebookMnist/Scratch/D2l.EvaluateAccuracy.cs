using NotebookMnist.Data;

namespace NotebookMnist.Scratch;

public static partial class D2l
{
    /// <summary>The accuracy of <paramref name="net"/> over a whole data iterator (d2l's <c>evaluate_accuracy</c>).</summary>
    /// <returns>Correct predictions / examples, in [0, 1]; an untrained net gives about 0.1.</returns>
    public static double EvaluateAccuracy(SoftmaxRegression net, IEnumerable<Batch> dataIter)
    {
        ArgumentNullException.ThrowIfNull(net);
        var buffers = new BatchBuffers(net);
        return EvaluateAccuracy(X => net.Net(X, buffers.For(X.Rows)), dataIter);
    }

    /// <summary>The accuracy of any <paramref name="net"/> (X → ŷ) over a data iterator.</summary>
    public static double EvaluateAccuracy(Func<Matrix, Matrix> net, IEnumerable<Batch> dataIter)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(dataIter);
        var metric = new Accumulator(2);                         // correct, examples
        foreach (var batch in dataIter)
            metric.Add(Accuracy(net(batch.X), batch.Labels), batch.Size);
        return metric[1] == 0 ? 0 : metric[0] / metric[1];
    }

    /// <summary>Output buffers for a net's full and last partial batches, so an epoch allocates nothing per batch.</summary>
    private sealed class BatchBuffers(SoftmaxRegression net)
    {
        private Matrix? _full, _partial;

        public Matrix For(int rows)
        {
            int cols = net.W.Value.Cols;
            if (_full is null || _full.Rows == rows)
                return _full ??= new Matrix(rows, cols);
            if (_partial is null || _partial.Rows != rows)
                _partial = new Matrix(rows, cols);
            return _partial;
        }
    }
}
