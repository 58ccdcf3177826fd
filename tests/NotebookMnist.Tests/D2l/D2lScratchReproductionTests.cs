using NotebookMnist.Data;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NotebookMnist.Tests.D2lHelpers;

using D2l = NotebookMnist.D2l.D2l;

/// <summary>Fashion-MNIST, loaded once for the d2l reproduction tests (CI installs Debian's dataset-fashion-mnist).</summary>
/// One torch thread, the policy measured for this 2-core machine: more OpenMP threads spin against each other.
public sealed class FashionMnistFixture
{
    public FashionMnistFixture() => torch.set_num_threads(1);

    public DatasetSplits Data { get; } = FashionMnist.Load(log: _ => { });
}

/// <summary>d2l §3.6, softmax regression from scratch, written the way notebook 04 writes it, trained with the
/// library's saved TrainCh3; and the saved copies against the notebook's hand-written ones.</summary>
public class D2lScratchReproductionTests(FashionMnistFixture fixture, ITestOutputHelper output) : IClassFixture<FashionMnistFixture>
{
    /// <summary>Notebook 04's model: W ~ N(0, 0.01²) (784, 10), b = 0, both requiring gradients, and its three functions.</summary>
    private sealed class Scratch
    {
        public Tensor W { get; }
        public Tensor b { get; }

        public Scratch(long seed)
        {
            torch.manual_seed(seed);
            int num_inputs = 784, num_outputs = 10;
            W = torch.normal(0, 0.01, size: [num_inputs, num_outputs], requires_grad: true);
            b = torch.zeros(num_outputs, requires_grad: true);
        }

        public static Tensor softmax(Tensor X)
        {
            var X_exp = torch.exp(X);
            var partition = X_exp.sum(1, keepdim: true);
            return X_exp / partition;                    // broadcasting
        }

        public Tensor net(Tensor X) => softmax(torch.matmul(X.reshape(-1, W.shape[0]), W) + b);

        public static Tensor cross_entropy(Tensor y_hat, Tensor y) => -torch.log(y_hat[torch.arange(y_hat.shape[0]), y]);

        public void updater(int batch_size) => D2l.Sgd([W, b], lr: 0.1, batch_size);
    }

    [Fact]
    public void SoftmaxRegressionScratch_TenEpochs_TestAccuracyInD2lBand()
    {
        int batch_size = 256, num_epochs = 10;
        var train_iter = new DataLoader(fixture.Data.Train, batch_size, shuffle: true, seed: 0);
        var test_iter = new DataLoader(fixture.Data.Test, batch_size, shuffle: false);
        var model = new Scratch(seed: 0);

        Assert.InRange(D2l.EvaluateAccuracy(model.net, test_iter), 0.02, 0.2);   // untrained: about chance (d2l: 0.0625)
        D2l.TrainCh3(model.net, train_iter, test_iter, Scratch.cross_entropy, num_epochs, model.updater);
        double testAcc = D2l.EvaluateAccuracy(model.net, test_iter);

        output.WriteLine($"test accuracy after {num_epochs} epochs: {testAcc:F4} (d2l: 0.8360)");
        Assert.InRange(testAcc, 0.815, 0.845);
    }

    // The notebook's own versions of the saved helpers, as notebook 04 writes them (d2l §3.6 cells 17, 19, 23).
    private static double accuracy(Tensor y_hat, Tensor y)
    {
        if (y_hat.shape.Length > 1 && y_hat.shape[1] > 1)
            y_hat = y_hat.argmax(1);
        var cmp = y_hat.type(y.dtype) == y;
        return cmp.type(y.dtype).sum().item<long>();
    }

    private static double evaluate_accuracy(Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> data_iter)
    {
        var metric = new NotebookMnist.D2l.Accumulator(2);
        using (torch.no_grad())
            foreach (var (X, y) in data_iter)
            {
                using var scope = torch.NewDisposeScope();
                metric.Add(accuracy(net(X), y), y.numel());
            }
        return metric[0] / metric[1];
    }

    private static (double, double) train_epoch_ch3(Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> train_iter,
        Func<Tensor, Tensor, Tensor> loss, Action<int> updater)
    {
        var metric = new NotebookMnist.D2l.Accumulator(3);
        foreach (var (X, y) in train_iter)
        {
            using var scope = torch.NewDisposeScope();
            var y_hat = net(X);
            var l = loss(y_hat, y);
            l.sum().backward();
            updater((int)X.shape[0]);
            metric.Add(l.sum().item<float>(), accuracy(y_hat, y), y.numel());
        }
        return (metric[0] / metric[2], metric[1] / metric[2]);
    }

    [Fact]
    public void SavedCopies_BehaveAsTheNotebooksHandWrittenOnes_BitForBit()
    {
        var hand = new Scratch(seed: 3);
        var saved = new Scratch(seed: 3);
        var handIter = new DataLoader(fixture.Data.Train, 256, shuffle: true, seed: 5);
        var savedIter = new DataLoader(fixture.Data.Train, 256, shuffle: true, seed: 5);
        var testIter = new DataLoader(fixture.Data.Test, 256);

        for (int epoch = 0; epoch < 2; epoch++)
        {
            var handMetrics = train_epoch_ch3(hand.net, handIter, Scratch.cross_entropy, hand.updater);
            var savedMetrics = D2l.TrainEpochCh3(saved.net, savedIter, Scratch.cross_entropy, saved.updater);
            Assert.Equal(handMetrics, savedMetrics);
        }
        Assert.Equal(hand.W.data<float>().ToArray(), saved.W.data<float>().ToArray());
        Assert.Equal(hand.b.data<float>().ToArray(), saved.b.data<float>().ToArray());
        Assert.Equal(evaluate_accuracy(hand.net, testIter), D2l.EvaluateAccuracy(saved.net, testIter));
        var (X, y) = testIter.First();
        Assert.Equal(accuracy(hand.net(X), y), D2l.Accuracy(saved.net(X), y));
    }

    [Fact]
    public void LoadDataFashionMnist_Resize64_ShapesAndDtypesOfD2lSection35()
    {
        var (train_iter, test_iter) = D2l.LoadDataFashionMnist(32, resize: 64);

        var (X, y) = train_iter.First();
        Assert.Equal(new long[] { 32, 1, 64, 64 }, X.shape);
        Assert.Equal(ScalarType.Float32, X.dtype);
        Assert.Equal(new long[] { 32 }, y.shape);
        Assert.Equal(ScalarType.Int64, y.dtype);
        Assert.True(train_iter.Shuffle);
        Assert.False(test_iter.Shuffle);
        Assert.Equal((60000, 10000), (train_iter.Count, test_iter.Count));
        // The test iterator is in file order: its first labels are those of t10k-labels (9, 2, 1, 1, 6, 1).
        Assert.Equal(new[] { 9, 2, 1, 1, 6, 1 }, test_iter.First().y.Ints()[..6]);
    }

    [Fact]
    public void LoadDataFashionMnist_BadBatchSize_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => D2l.LoadDataFashionMnist(0));

        Assert.StartsWith("Expected `batchSize` to be a positive integer. Received: batchSize=0.", e.Message);
    }
}
