using NotebookMnist.Data;
using NotebookMnist.Scratch;
using Xunit.Abstractions;

namespace NotebookMnist.Tests.Scratch;

// The namespace NotebookMnist.D2l (d2l's saved helpers) would otherwise hide the old Scratch.D2l here.
using D2l = NotebookMnist.Scratch.D2l;

public sealed class D2lFashionMnistReproductionTests(ITestOutputHelper output)
{
    /// <summary>d2l §3.6: lr 0.1, batch 256, 10 epochs on Fashion-MNIST; d2l publishes test accuracy 0.836, train loss 0.4475.</summary>
    /// <remarks>
    /// The last epoch's test accuracy moves by about ±0.01 from epoch to epoch and seed to seed (d2l's own curve does
    /// too): seeds 1, 2, 4, 5 end at 0.832–0.835, seed 20230828 at 0.821, seed 3 at 0.809. The seed is fixed, so the run is repeatable.
    /// </remarks>
    [Fact]
    public void Train_FashionMnistTenEpochs_MatchesD2lBands()
    {
        var data = FashionMnist.Load(log: _ => { });
        var trainIter = new DataLoader(data.Train, batchSize: 256, shuffle: true, seed: 1);
        var testIter = new DataLoader(data.Test, batchSize: 256, shuffle: false);
        var net = new SoftmaxRegression(seed: 1);
        double lr = 0.1;
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
