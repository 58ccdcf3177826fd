using NotebookMnist.Data;
using NotebookMnist.Keras;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NotebookMnist.Tests.Keras;

/// <summary>Loads MNIST once for the reproduction tests and trains both runs of the article.</summary>
public sealed class KerasMnistFixture
{
    public KerasMnistFixture()
    {
        var data = Mnist.Load(log: _ => { });
        var (xTrain, labelsTrain) = ToTensors(data.Train);
        (XTest, var labelsTest) = ToTensors(data.Test);
        YTest = Utils.ToCategorical(labelsTest, 10);
        var yTrain = Utils.ToCategorical(labelsTrain, 10);
        Mse = Run("mse", xTrain, yTrain);
        CrossEntropy = Run("categorical_crossentropy", xTrain, yTrain);
    }

    public Tensor XTest { get; }
    public Tensor YTest { get; }
    public (History History, double TestLoss, double TestAccuracy) Mse { get; }
    public (History History, double TestLoss, double TestAccuracy) CrossEntropy { get; }

    /// <summary>A split as the notebook feeds Keras: x float32 (n, 784) = b / 255, labels int64 (n).</summary>
    internal static (Tensor X, Tensor Labels) ToTensors(LabeledImages split) =>
        (split.Images.reshape(-1, split.Height * split.Width).to_type(ScalarType.Float32) / 255, split.Labels);

    /// <summary>The article's script: Dense(10, softmax, bias "one"), SGD(0.2), batch 32, 10 epochs; only the loss changes.</summary>
    private (History, double, double) Run(string loss, Tensor x, Tensor y)
    {
        var model = new Sequential(new Dense(units: 10, inputDim: 784, activation: "softmax", biasInitializer: "one", seed: 20230828));
        model.Compile(optimizer: new SGD(learningRate: 0.2), loss: loss, metrics: ["accuracy"]);
        var history = model.Fit(x, y, batchSize: 32, epochs: 10, verbose: 0, seed: 20230828);
        var (testLoss, testAccuracy) = model.Evaluate(XTest, YTest);
        return (history, testLoss, testAccuracy);
    }
}

public sealed class KerasMnistReproductionTests(KerasMnistFixture runs, ITestOutputHelper output) : IClassFixture<KerasMnistFixture>
{
    [Fact]
    public void Fit_CategoricalCrossentropyOnMnist_TestAccuracyInPublishedBand()
    {
        Report("categorical_crossentropy", runs.CrossEntropy);
        Assert.InRange(runs.CrossEntropy.TestAccuracy, 0.915, 0.93);
    }

    [Fact]
    public void Fit_MseOnMnist_TestAccuracyInPublishedBandAndBelowCrossEntropy()
    {
        Report("mse", runs.Mse);
        Assert.InRange(runs.Mse.TestAccuracy, 0.91, 0.925);
        Assert.True(runs.Mse.TestAccuracy < runs.CrossEntropy.TestAccuracy,
            $"Expected MSE below CE. Received: MSE {runs.Mse.TestAccuracy:F4}, CE {runs.CrossEntropy.TestAccuracy:F4}.");
    }

    [Fact]
    public void Fit_AfterFirstEpoch_CrossEntropyAheadOfMseByFivePoints()
    {
        double ce = runs.CrossEntropy.History["accuracy"][0], mse = runs.Mse.History["accuracy"][0];
        output.WriteLine($"epoch 1 running train accuracy: categorical_crossentropy {ce:F4}, mse {mse:F4}");
        Assert.True(ce - mse >= 0.05, $"Expected CE ahead of MSE by ≥ 0.05 after epoch 1. Received: CE {ce:F4}, MSE {mse:F4}.");
    }

    [Fact]
    public void Fit_BothLosses_HistoryHasTenEpochsOfFiniteValues()
    {
        foreach (var run in new[] { runs.Mse, runs.CrossEntropy })
        {
            Assert.Equal(10, run.History.Epochs);
            Assert.All(run.History["loss"], v => Assert.True(double.IsFinite(v)));
            Assert.True(run.History["accuracy"][9] > run.History["accuracy"][0]);
        }
    }

    private void Report(string name, (History History, double TestLoss, double TestAccuracy) run)
    {
        for (int e = 0; e < run.History.Epochs; e++)
            output.WriteLine($"{name} epoch {e + 1}: loss {run.History["loss"][e]:F4} accuracy {run.History["accuracy"][e]:F4}");
        output.WriteLine($"{name} test: loss {run.TestLoss:F4} accuracy {run.TestAccuracy:F4}");
    }
}
