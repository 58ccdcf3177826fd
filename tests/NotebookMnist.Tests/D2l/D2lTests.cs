using NotebookMnist.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Tests.D2lHelpers;

using D2l = NotebookMnist.D2l.D2l;
using Timer = NotebookMnist.D2l.Timer;

/// <summary>The saved d2l helpers on the worked examples of d2l §3.6 and on hand-computed values.</summary>
public class D2lTests
{
    private static readonly Tensor Y = torch.tensor(new long[] { 0, 2 });
    private static readonly Tensor YHat = torch.tensor(new float[] { 0.1f, 0.3f, 0.6f, 0.3f, 0.2f, 0.5f }, [2, 3]);

    [Fact]
    public void CrossEntropy_WorkedExample_PicksAndTakesMinusLog()
    {
        // d2l §3.6 cells 13–15, written as notebook 04 writes them.
        var picked = YHat[torch.arange(2), Y];
        var crossEntropy = -torch.log(picked);

        Assert.Equal(new[] { 0.1f, 0.5f }, picked.data<float>().ToArray());
        Assert.Equal(-Math.Log(0.1), crossEntropy[0].item<float>(), 5);   // 2.3026
        Assert.Equal(-Math.Log(0.5), crossEntropy[1].item<float>(), 5);   // 0.6931
    }

    [Fact]
    public void Accuracy_WorkedExample_OneOfTwoRight()
    {
        // Row 0 predicts class 2 (label 0), row 1 predicts class 2 (label 2).
        Assert.Equal(1.0, D2l.Accuracy(YHat, Y));
        Assert.Equal(0.5, D2l.Accuracy(YHat, Y) / Y.numel());
    }

    [Fact]
    public void Accuracy_PredictedClasses_ComparedDirectly()
    {
        Assert.Equal(2.0, D2l.Accuracy(torch.tensor(new long[] { 0, 2, 1 }), torch.tensor(new long[] { 0, 2, 2 })));
        Assert.Equal(1.0, D2l.Accuracy(torch.tensor(new float[] { 3, 1 }, [2, 1]), torch.tensor(new long[] { 3, 0 })));
    }

    [Fact]
    public void Accuracy_RowsAndLabelsDiffer_ThrowsWithBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => D2l.Accuracy(YHat, torch.tensor(new long[] { 0, 1, 2 })));

        Assert.StartsWith("Expected `yHat` (n, classes) or (n) and `y` (n). Received: yHat shape=(2, 3), y shape=(3).", e.Message);
    }

    [Fact]
    public void Sgd_StepsByLrTimesGradOverBatchSize_AndZeroesTheGradient()
    {
        var w = torch.tensor(new float[] { 1f, 2f }, requires_grad: true);
        // l = sum(w · [3, −4]) → grad = [3, −4]; step = 0.1 · grad / 2.
        (w * torch.tensor(new float[] { 3f, -4f })).sum().backward();

        D2l.Sgd([w], lr: 0.1, batchSize: 2);

        Assert.Equal(new[] { 1f - 0.1f * 3f / 2f, 2f + 0.1f * 4f / 2f }, w.data<float>().ToArray());
        Assert.Equal(new[] { 0f, 0f }, w.grad!.data<float>().ToArray());
        Assert.True(w.requires_grad);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    public void Sgd_BadLearningRate_ThrowsNamingIt(double lr)
    {
        var w = torch.ones(2, requires_grad: true);
        w.sum().backward();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => D2l.Sgd([w], lr, 2));

        Assert.StartsWith($"Expected `lr` to be a positive finite number. Received: lr={lr}.", e.Message);
        Assert.Equal(new[] { 1f, 1f }, w.data<float>().ToArray());
    }

    [Fact]
    public void Sgd_NoGradient_ThrowsNamingTheParameter()
    {
        var e = Assert.Throws<ArgumentException>(() => D2l.Sgd([torch.ones(3, requires_grad: true)], 0.1, 1));

        Assert.StartsWith("Expected every parameter to have a gradient (run backward first). Received: params[0] shape=(3) with grad=null.", e.Message);
    }

    [Fact]
    public void EvaluateAccuracy_CountsOverAllBatches()
    {
        // Batch 1: 2 of 3 right; batch 2: 1 of 1 → 3 / 4.
        (Tensor, Tensor)[] batches =
        [
            (torch.tensor(new float[] { 0, 1, 2 }), torch.tensor(new long[] { 0, 1, 0 })),
            (torch.tensor(new float[] { 4 }), torch.tensor(new long[] { 4 })),
        ];
        Tensor net(Tensor X) => torch.nn.functional.one_hot(X.to_type(ScalarType.Int64), 5);

        Assert.Equal(0.75, D2l.EvaluateAccuracy(net, batches));
    }

    [Fact]
    public void EvaluateAccuracy_NoExamples_ThrowsInsteadOfNaN()
    {
        var e = Assert.Throws<ArgumentException>(() => D2l.EvaluateAccuracy(X => X, Array.Empty<(Tensor, Tensor)>()));

        Assert.StartsWith("Expected `dataIter` to yield at least one example. Received: no examples", e.Message);
    }

    [Fact]
    public void TrainEpochCh3_EmptyBatch_ThrowsNamingTheBatch()
    {
        var w = torch.zeros([2, 3], requires_grad: true);
        (Tensor, Tensor)[] batches =
        [
            (torch.ones([1, 2]), torch.tensor(new long[] { 1 })),
            (torch.ones([0, 2]), torch.zeros([0], ScalarType.Int64)),
        ];

        var e = Assert.Throws<ArgumentException>(() => D2l.TrainEpochCh3(X => X.matmul(w), batches,
            (yHat, y) => torch.nn.functional.cross_entropy(yHat, y, reduction: nn.Reduction.None), n => D2l.Sgd([w], 0.1, n)));

        Assert.StartsWith("Expected every batch to hold at least one example, with one label per row of X. Received: batch 1 with X shape=(0, 2), y shape=(0).", e.Message);
    }

    [Fact]
    public void TrainEpochCh3_NoBatches_ThrowsInsteadOfNaN()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            D2l.TrainEpochCh3(X => X, Array.Empty<(Tensor, Tensor)>(), (a, b) => a, _ => { }));

        Assert.StartsWith("Expected `trainIter` to yield at least one batch. Received: an epoch with no batches.", e.Message);
    }

    [Fact]
    public void TrainEpochCh3_HandUpdaterAndTorchOptimizer_SameStep()
    {
        // Summed loss + Sgd(lr / n) and mean loss + torch.optim.SGD(lr) are the same step: W − lr · mean gradient.
        var X = torch.tensor(new float[] { 1, 0, 0, 1, 1, 1 }, [3, 2]);
        var y = torch.tensor(new long[] { 0, 1, 2 });
        var w1 = torch.zeros([2, 3], requires_grad: true);
        var w2 = torch.nn.Parameter(torch.zeros([2, 3]));
        Tensor loss(Tensor yHat, Tensor target) => torch.nn.functional.cross_entropy(yHat, target, reduction: nn.Reduction.None);

        var (loss1, acc1) = D2l.TrainEpochCh3(x => x.matmul(w1), [(X, y)], loss, n => D2l.Sgd([w1], 0.5, n));
        var (loss2, acc2) = D2l.TrainEpochCh3(x => x.matmul(w2), [(X, y)], loss, torch.optim.SGD([w2], 0.5));

        Assert.Equal(Math.Log(3), loss1, 6);          // all scores 0: every class has probability 1/3
        Assert.Equal((loss1, acc1), (loss2, acc2));
        Assert.Equal(w1.data<float>().ToArray(), w2.data<float>().ToArray(), new FloatTolerance(1e-7f));
        Assert.NotEqual(0f, w1.abs().sum().item<float>());
    }

    [Fact]
    public void TrainCh3_TooLittleTraining_FailsD2lsCheckWithTheNumbers()
    {
        var data = new LabeledImages(torch.randint(0, 256, [20, 28, 28], dtype: ScalarType.Byte),
            torch.randint(0, 10, [20], dtype: ScalarType.Int64), FashionMnist.ClassNames);
        var iter = new DataLoader(data, 10);
        var W = torch.zeros([784, 10], requires_grad: true);
        Tensor net(Tensor X) => torch.softmax(X.reshape(-1, 784).matmul(W), 1);
        Tensor crossEntropy(Tensor yHat, Tensor y) => -torch.log(yHat[torch.arange(yHat.shape[0]), y]);

        var e = Assert.Throws<InvalidOperationException>(() =>
            D2l.TrainCh3(net, iter, iter, crossEntropy, 1, n => D2l.Sgd([W], 1e-6, n)));

        Assert.StartsWith("TrainCh3: expected the final train loss < 0.5. Received: train_loss=2.30", e.Message);
    }

    [Fact]
    public void TrainCh3_NonPositiveEpochs_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            D2l.TrainCh3(X => X, Array.Empty<(Tensor, Tensor)>(), [], (a, b) => a, 0, _ => { }));

        Assert.StartsWith("Expected `numEpochs` to be a positive integer. Received: numEpochs=0.", e.Message);
    }

    [Fact]
    public void GetFashionMnistLabels_D2lSpelling_AndOutOfRangeNamed()
    {
        Assert.Equal(["t-shirt", "sandal", "bag", "ankle boot"], D2l.GetFashionMnistLabels(torch.tensor(new long[] { 0, 5, 8, 9 })));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => D2l.GetFashionMnistLabels(torch.tensor(new long[] { 1, 10 })));
        Assert.StartsWith("Expected labels in [0, 10). Received: labels[1]=10.", e.Message);
    }

    [Fact]
    public void Timer_RecordsStops_AvgSumCumsum()
    {
        var timer = new Timer();
        Thread.Sleep(20);
        double first = timer.Stop();
        timer.Start();
        double second = timer.Stop();

        Assert.InRange(first, 0.015, 5);
        Assert.True(second < first);
        Assert.Equal(first + second, timer.Sum());
        Assert.Equal((first + second) / 2, timer.Avg());
        Assert.Equal([first, first + second], timer.Cumsum());
    }

    [Fact]
    public void TrainEpochs_NativeTensorsStayFlatAcrossEpochs()
    {
        var data = new LabeledImages(torch.randint(0, 256, [100, 28, 28], dtype: ScalarType.Byte),
            torch.randint(0, 10, [100], dtype: ScalarType.Int64), FashionMnist.ClassNames);
        var iter = new DataLoader(data, 16, shuffle: true, seed: 1);
        var W = torch.normal(0, 0.01, [784, 10], requires_grad: true);
        var b = torch.zeros(10, requires_grad: true);
        Tensor net(Tensor X) => torch.softmax(X.reshape(-1, 784).matmul(W) + b, 1);
        Tensor crossEntropy(Tensor yHat, Tensor y) => -torch.log(yHat[torch.arange(yHat.shape[0]), y]);
        void Epoch()
        {
            D2l.TrainEpochCh3(net, iter, crossEntropy, n => D2l.Sgd([W, b], 0.1, n));
            D2l.EvaluateAccuracy(net, iter);
        }

        Epoch();                                                      // first epoch: gradients are allocated
        long after1 = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 5; i++) Epoch();
        long after6 = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        Assert.Equal(after1, after6);
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => Math.Abs(a - b) <= tolerance;

        public int GetHashCode(float x) => 0;
    }
}
