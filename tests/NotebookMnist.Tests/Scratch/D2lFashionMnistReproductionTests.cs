using NotebookMnist.Data;
using NotebookMnist.Scratch;
using Xunit.Abstractions;

namespace NotebookMnist.Tests.Scratch;

public sealed class D2lFashionMnistReproductionTests(ITestOutputHelper output)
{
    /// <summary>d2l §3.6: lr 0.1, batch 256, 10 epochs on Fashion-MNIST; d2l publishes test accuracy 0.836, train loss 0.4475.</summary>
    [Fact]
    public void Train_FashionMnistTenEpochs_MatchesD2lBands()
    {
        var data = FashionMnist.Load(log: _ => { });
        var trainIter = new DataLoader(data.Train, batchSize: 256, shuffle: true, seed: 20230828);
        var testIter = new DataLoader(data.Test, batchSize: 256, shuffle: false);
        var net = new SoftmaxRegression(seed: 20230828);
        float lr = 0.1f;
        var epochs = D2l.Train(net, trainIter, testIter, D2l.CrossEntropy, numEpochs: 10,
            updater: batchSize => D2l.Sgd(net.Params, lr, batchSize),
            onEpoch: m => output.WriteLine($"epoch {m.Epoch}: train loss {m.TrainLoss:F4}, train acc {m.TrainAccuracy:F4}, test acc {m.TestAccuracy:F4}"));
        var last = epochs[^1];
        Assert.Equal(10, epochs.Count);
        Assert.InRange(last.TestAccuracy, 0.815, 0.845);
        Assert.True(last.TrainLoss < 0.5, $"Expected train loss < 0.5. Received: {last.TrainLoss:F4}.");
        Assert.InRange(last.TrainAccuracy, 0.83, 0.87);
    }
}
