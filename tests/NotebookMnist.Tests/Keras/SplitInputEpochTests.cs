using NotebookMnist.Keras;

namespace NotebookMnist.Tests.Keras;

/// <summary>Fit's two-core epoch (Keras/SplitInputEpoch.cs): the same bits as one core and as step-by-step training.</summary>
public class SplitInputEpochTests
{
    /// <summary>n samples of 40 features in 3 classes; with <paramref name="pixels"/> every value is some b / 255
    /// (as loaded images are, which the loader then gathers from bytes), otherwise any float.</summary>
    private static (Matrix X, Matrix Y) Data(int n, int seed, bool pixels)
    {
        var random = new Random(seed);
        var x = new Matrix(n, 40);
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.Next(3);
            for (int j = 0; j < 40; j++)
            {
                double value = random.NextDouble() * 0.6 + (j % 3 == labels[i] ? 0.4 : 0);
                x[i, j] = pixels ? (byte)(value * 255) / 255f : (float)value;
            }
        }
        return (x, Ops.OneHot(labels, 3));
    }

    private static Sequential Model(bool hidden, string loss = "categorical_crossentropy", double lr = 0.1)
    {
        var model = hidden
            ? new Sequential(new Dense(16, inputDim: 40, activation: "relu", seed: 1), new Dense(3, activation: "softmax", seed: 2))
            : new Sequential(new Dense(3, inputDim: 40, activation: "softmax", biasInitializer: "one", seed: 1));
        model.Compile(new SGD(lr), loss, ["accuracy"]);
        return model;
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Fit_OnTwoCoresOrOne_BitForBitIdentical(bool hidden, bool pixels)
    {
        var (x, y) = Data(101, 12, pixels);                          // batches of 8: 12 full and a partial one of 5
        var runs = new[] { true, false }.Select(parallel =>
        {
            var model = Model(hidden);
            model.ParallelTraining = parallel;
            return (History: model.Fit(x, y, batchSize: 8, epochs: 3, verbose: 0, seed: 2), Weights: model.GetWeights());
        }).ToArray();
        Assert.Equal(runs[0].History["loss"], runs[1].History["loss"]);
        Assert.Equal(runs[0].History["accuracy"], runs[1].History["accuracy"]);
        for (int i = 0; i < runs[0].Weights.Count; i++)
            Assert.Equal(runs[0].Weights[i].Data, runs[1].Weights[i].Data);
    }

    [Theory]
    [InlineData(false, "categorical_crossentropy")]
    [InlineData(true, "mse")]
    public void Fit_SameAsTrainStepBatchByBatch(bool hidden, string loss)
    {
        // 20 samples at batch 6 without shuffling: batches 6, 6, 6, 2, replayed through TrainStep, which runs each
        // layer's Forward and Backward on the whole batch.
        var (x, y) = Data(20, 5, pixels: true);
        var model = Model(hidden, loss);
        var replay = Model(hidden, loss);
        var history = model.Fit(x, y, batchSize: 6, epochs: 1, shuffle: false, verbose: 0);
        double weighted = 0;
        foreach (var (start, size) in new[] { (0, 6), (6, 6), (12, 6), (18, 2) })
        {
            var xb = new Matrix(size, 40, x.Data[(start * 40)..((start + size) * 40)]);
            var yb = new Matrix(size, 3, y.Data[(start * 3)..((start + size) * 3)]);
            weighted += (double)replay.TrainStep(xb, yb, labels: null).Loss * size;
        }
        Assert.Equal(weighted / 20, history["loss"][0], 12);
        for (int i = 0; i < model.GetWeights().Count; i++)
            Assert.Equal(replay.GetWeights()[i].Data, model.GetWeights()[i].Data);
    }

    [Fact]
    public void Fit_LossTurnsNaN_ThrowsNamingEpochAndStepAndKeepsHistory()
    {
        var (x, y) = Data(10, 7, pixels: false);
        var poison = new LambdaCallback(onEpochEnd: (epoch, _) => { if (epoch == 0) x[4, 30] = float.NaN; });
        var e = Assert.Throws<NonFiniteLossException>(() =>
            Model(hidden: false).Fit(x, y, batchSize: 2, epochs: 5, shuffle: false, verbose: 0, callbacks: [poison]));
        Assert.Equal((2, 3), (e.Epoch, e.Step));                   // sample 4 is in the third batch of size 2
        Assert.Equal(1, e.History.Epochs);
    }

    [Fact]
    public void Fit_ManyEpochsOnTwoCores_LearnsTheClasses()
    {
        var (x, y) = Data(300, 3, pixels: true);
        var model = Model(hidden: true);
        var history = model.Fit(x, y, batchSize: 16, epochs: 20, verbose: 0, seed: 1);
        Assert.True(history["accuracy"][^1] > 0.95, $"final accuracy {history["accuracy"][^1]}");
        Assert.True(history["loss"][^1] < history["loss"][0] / 3, $"loss {history["loss"][0]} → {history["loss"][^1]}");
    }
}
