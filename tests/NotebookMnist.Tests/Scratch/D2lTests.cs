using NotebookMnist.Data;
using NotebookMnist.Scratch;

namespace NotebookMnist.Tests.Scratch;

// The namespace NotebookMnist.D2l (d2l's saved helpers) would otherwise hide the old Scratch.D2l here.
using D2l = NotebookMnist.Scratch.D2l;

public class D2lTests
{
    // d2l §3.6: y = [0, 2], ŷ = [[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]].
    private static readonly Matrix YHat = Matrix.FromRows([0.1f, 0.3f, 0.6f], [0.3f, 0.2f, 0.5f]);
    private static readonly int[] Y = [0, 2];

    [Fact]
    public void CrossEntropy_D2lWorkedExample_Is2Point3026And0Point6931()
    {
        var l = D2l.CrossEntropy(YHat, Y);
        Assert.Equal(2.3026, l[0], 4);
        Assert.Equal(0.6931, l[1], 4);
    }

    [Fact]
    public void Accuracy_D2lWorkedExample_OneOfTwo()
    {
        Assert.Equal(1, D2l.Accuracy(YHat, Y));
        Assert.Equal(0.5, D2l.Accuracy(YHat, Y) / (double)Y.Length);
    }

    [Fact]
    public void Sgd_OneStep_SubtractsLrTimesGradOverBatchSizeAndZeroesGrad()
    {
        var p = new Parameter("w", Matrix.FromRow(1f, 2f));
        new float[] { 4f, -8f }.CopyTo(p.Grad.Data, 0);
        D2l.Sgd([p], lr: 0.1, batchSize: 4);
        Assert.Equal([0.9f, 2.2f], p.Value.Data.Select(v => MathF.Round(v, 5)));
        Assert.Equal([0f, 0f], p.Grad.Data);
    }

    [Theory]
    [InlineData(0f, 256, "lr")]
    [InlineData(0.1f, 0, "batchSize")]
    public void Sgd_BadArguments_ThrowNamingThem(float lr, int batchSize, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => D2l.Sgd([], lr, batchSize));
        Assert.Equal(name, e.ParamName);
    }

    private static LabeledImages Blobs(int n, int seed)
    {
        var random = new Random(seed);
        var x = new Matrix(n, 4);
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.Next(3);
            for (int j = 0; j < 4; j++) x[i, j] = (float)(random.NextDouble() - 0.5 + (j == labels[i] ? 2 : 0));
        }
        return new LabeledImages(x, labels, 2, 2, ["a", "b", "c"]);
    }

    [Fact]
    public void EvaluateAccuracy_CountsCorrectOverAllBatchesIncludingPartial()
    {
        var data = Blobs(50, 1);
        var net = new SoftmaxRegression(numInputs: 4, numOutputs: 3, seed: 1);
        double expected = Metrics.Accuracy(net.Net(data.Images), data.Labels);
        Assert.Equal(expected, D2l.EvaluateAccuracy(net, new DataLoader(data, batchSize: 16, shuffle: false)), 10);
        Assert.Equal(expected, D2l.EvaluateAccuracy(net.Net, new DataLoader(data, batchSize: 7, shuffle: true)), 10);
    }

    [Fact]
    public void Train_SeparableData_ReportsEachEpochAndLearns()
    {
        var train = Blobs(300, 2);
        var test = Blobs(100, 3);
        var net = new SoftmaxRegression(numInputs: 4, numOutputs: 3, seed: 1);
        var reported = new List<EpochMetrics>();
        var epochs = D2l.Train(net, new DataLoader(train, 32, seed: 1), new DataLoader(test, 32, shuffle: false),
            D2l.CrossEntropy, numEpochs: 5, updater: n => D2l.Sgd(net.Params, 0.5, n), onEpoch: reported.Add);
        Assert.Equal(epochs, reported);
        Assert.Equal([1, 2, 3, 4, 5], epochs.Select(e => e.Epoch));
        Assert.True(epochs[^1].TrainLoss < epochs[0].TrainLoss);
        Assert.True(epochs[^1].TestAccuracy > 0.95, $"test accuracy {epochs[^1].TestAccuracy}");
    }

    [Fact]
    public void TrainEpoch_OneBatch_ReportsLossAndAccuracyBeforeTheUpdate()
    {
        var data = Blobs(20, 4);
        var net = new SoftmaxRegression(numInputs: 4, numOutputs: 3, seed: 1);
        var yHat = net.Net(data.Images);
        double loss = D2l.CrossEntropy(yHat, data.Labels).Average(v => (double)v);
        double accuracy = D2l.Accuracy(yHat, data.Labels) / 20.0;
        var (trainLoss, trainAccuracy) = D2l.TrainEpoch(net, new DataLoader(data, 32, shuffle: false), D2l.CrossEntropy,
            n => D2l.Sgd(net.Params, 0.1, n));
        Assert.Equal(loss, trainLoss, 5);
        Assert.Equal(accuracy, trainAccuracy, 10);
    }

    [Fact]
    public void Train_ZeroEpochs_Throws()
    {
        var data = Blobs(10, 5);
        var net = new SoftmaxRegression(numInputs: 4, numOutputs: 3, seed: 1);
        var loader = new DataLoader(data, 4);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            D2l.Train(net, loader, loader, D2l.CrossEntropy, 0, n => D2l.Sgd(net.Params, 0.1, n)));
        Assert.Equal("numEpochs", e.ParamName);
    }

    [Fact]
    public void Predict_ReturnsFirstNTrueLabelsAndArgmaxPredictions()
    {
        var data = Blobs(40, 6);
        var net = new SoftmaxRegression(numInputs: 4, numOutputs: 3, seed: 1);
        var (truth, predicted) = D2l.Predict(net, new DataLoader(data, 16, shuffle: false), n: 6);
        Assert.Equal(data.Labels[..6], truth);
        Assert.Equal(Ops.ArgMax(net.Net(data.Images))[..6], predicted);
    }

    [Fact]
    public void TrainEpoch_OnOneCoreOrTwo_BitForBitIdentical()
    {
        var data = Blobs(203, 7);
        var results = new[] { true, false }.Select(parallel =>
        {
            D2l.ParallelTraining = parallel;
            try
            {
                var net = new SoftmaxRegression(numInputs: 4, numOutputs: 3, seed: 2);
                var loader = new DataLoader(data, 16, seed: 3);
                var epochs = Enumerable.Range(0, 3).Select(_ => D2l.TrainEpoch(net, loader, D2l.CrossEntropy, n => D2l.Sgd(net.Params, 0.3, n))).ToArray();
                return (epochs, W: net.W.Value.Data);
            }
            finally { D2l.ParallelTraining = true; }
        }).ToArray();
        Assert.Equal(results[0].epochs, results[1].epochs);
        Assert.Equal(results[0].W, results[1].W);
    }

    [Fact]
    public void TrainEpoch_NonLoaderSource_SameAsTheLoader()
    {
        // A source that is not a DataLoader runs Net and Backward batch by batch; a DataLoader's batches are split
        // between two cores. Both sum the gradient in the same two halves, so the bits agree.
        var data = Blobs(203, 7);
        var results = new[] { false, true }.Select(wrapped =>
        {
            var net = new SoftmaxRegression(numInputs: 4, numOutputs: 3, seed: 2);
            var loader = new DataLoader(data, 16, seed: 3);
            IEnumerable<Batch> source = wrapped ? loader.Where(_ => true) : loader;
            var epochs = Enumerable.Range(0, 3).Select(_ => D2l.TrainEpoch(net, source, D2l.CrossEntropy, n => D2l.Sgd(net.Params, 0.3, n))).ToArray();
            return (epochs, W: net.W.Value.Data);
        }).ToArray();
        Assert.Equal(results[0].epochs, results[1].epochs);
        Assert.Equal(results[0].W, results[1].W);
    }

    [Fact]
    public void TrainEpoch_BadLabelInALoader_NamesTheLabel()
    {
        var data = Blobs(40, 6);
        data.Labels[37] = 9;                                     // 3 classes: 9 is out of range
        var net = new SoftmaxRegression(numInputs: 4, numOutputs: 3, seed: 1);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            D2l.TrainEpoch(net, new DataLoader(data, 16, shuffle: false), D2l.CrossEntropy, n => D2l.Sgd(net.Params, 0.1, n)));
        Assert.Contains("Expected labels in [0, 3)", error.Message);
        Assert.Contains("=9", error.Message);
    }

    [Fact]
    public void Backward_TwoHalves_MatchesTheWholeBatchProductToRounding()
    {
        // W.Grad is summed as Xᵀ·(ŷ − Y) over rows [0, n/2) plus over [n/2, n); checked against one double-precision sum.
        var data = Blobs(37, 5);
        var net = new SoftmaxRegression(numInputs: 4, numOutputs: 3, seed: 1);
        var X = data.Images;
        var yHat = net.Net(X);
        net.Backward(X, yHat, data.Labels);
        for (int p = 0; p < 4; p++)
            for (int j = 0; j < 3; j++)
            {
                double expected = 0;
                for (int i = 0; i < X.Rows; i++)
                    expected += X[i, p] * ((double)yHat[i, j] - (data.Labels[i] == j ? 1 : 0));
                Assert.Equal(expected, net.W.Grad[p, j], 4);
            }
    }
}
