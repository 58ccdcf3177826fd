using NotebookMnist.Keras;
using Xunit.Abstractions;

namespace NotebookMnist.Tests.Keras;

/// <summary>Backpropagation through Dense layers against central finite differences of the loss.</summary>
public class BackpropGradientTests(ITestOutputHelper output)
{
    /// <summary>Leaves the weights alone so the gradients of one step can be read.</summary>
    private sealed class NoUpdate : IOptimizer
    {
        public double LearningRate => 1;
        public void ApplyGradients(IReadOnlyList<(Matrix Gradient, Matrix Variable)> gradientsAndVariables) { }
    }

    [Theory]
    [InlineData("mse")]
    [InlineData("categorical_crossentropy")]
    public void TrainStep_DenseSoftmax_GradientsMatchFiniteDifferences(string loss) =>
        CheckGradients(new Sequential(new Dense(4, inputDim: 5, activation: "softmax", seed: 11)), loss);

    [Theory]
    [InlineData("relu")]
    [InlineData("sigmoid")]
    [InlineData("tanh")]
    [InlineData("linear")]
    public void TrainStep_TwoLayerNet_GradientsMatchFiniteDifferences(string hidden) =>
        CheckGradients(new Sequential(
            new Dense(6, inputDim: 5, activation: hidden, biasInitializer: new RandomNormal(0, 0.3, seed: 2), seed: 12),
            new Dense(4, activation: "softmax", seed: 13)), "categorical_crossentropy");

    [Fact]
    public void TrainStep_ThreeLayerReluNetWithMse_GradientsMatchFiniteDifferences() =>
        CheckGradients(new Sequential(
            new Dense(7, inputDim: 5, activation: "relu", seed: 25),
            new Dense(6, activation: "tanh", seed: 22),
            new Dense(4, activation: "softmax", seed: 23)), "mse");

    [Fact]
    public void TrainStep_FortyInputsInTwoBlocks_GradientsMatchFiniteDifferences()
    {
        // 40 inputs: the kernel's product and gradient are summed in two blocks of features, [0, 16) and [16, 40).
        var first = new Dense(6, inputDim: 40, activation: "tanh", seed: 31);
        Assert.Equal((16, 24), first.InputBlock(1));
        CheckGradients(new Sequential(first, new Dense(4, activation: "softmax", seed: 32)), "categorical_crossentropy", inputs: 40);
    }

    private void CheckGradients(Sequential model, string lossName, int inputs = 5)
    {
        var random = new Random(20230828);
        var x = new Matrix(8, inputs);
        for (int i = 0; i < x.Length; i++) x.Data[i] = (float)(random.NextDouble() * 2 - 1);
        var y = Ops.OneHot(Enumerable.Range(0, 8).Select(_ => random.Next(4)).ToArray(), 4);
        model.Compile(new NoUpdate(), lossName);
        model.TrainStep(x, y, labels: null);
        float eps = Math.Min(1e-3f, 0.5f * ReluMargin(model, x));
        var weights = model.GetWeights();
        var analytic = model.Layers.SelectMany(l => l.Gradients).Select(g => g.Clone()).ToList();
        double worst = 0;
        for (int t = 0; t < weights.Count; t++)
        {
            for (int i = 0; i < weights[t].Length; i++)
            {
                double numeric = CentralDifference(model, x, y, weights[t].Data, i, eps);
                double error = Math.Abs(analytic[t].Data[i] - numeric);
                worst = Math.Max(worst, error);
                Assert.True(error <= 2e-4 + 1e-2 * Math.Abs(numeric),
                    $"weight {t}[{i}]: analytic {analytic[t].Data[i]:G6}, numeric {numeric:G6}");
            }
        }
        output.WriteLine($"{lossName}: eps {eps:E1}, max |analytic − numeric| = {worst:E2}");
    }

    /// <summary>The smallest |z| entering a relu: a step below it cannot cross the kink, where differences lie.</summary>
    /// <remarks>Inputs are in [−1, 1], so moving one weight by eps moves each pre-activation by at most eps.</remarks>
    private static float ReluMargin(Sequential model, Matrix x)
    {
        float margin = float.MaxValue;
        var a = x;
        foreach (var layer in model.Layers.Cast<Dense>())
        {
            if (layer.Activation.Name == "relu")
            {
                var z = Ops.AddRowVector(Ops.MatMul(a, layer.Kernel), layer.Bias.Row(0));
                margin = Math.Min(margin, z.Data.Min(MathF.Abs));
            }
            a = layer.Forward(a).Clone();
        }
        return margin;
    }

    private static double CentralDifference(Sequential model, Matrix x, Matrix y, float[] w, int i, float eps)
    {
        float saved = w[i];
        w[i] = saved + eps;
        double plus = model.Loss!.Call(y, model.Forward(x));
        w[i] = saved - eps;
        double minus = model.Loss!.Call(y, model.Forward(x));
        w[i] = saved;
        return (plus - minus) / (2.0 * eps);
    }
}
