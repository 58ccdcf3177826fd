using NotebookMnist.Keras;

namespace NotebookMnist.Tests.Keras;

public class DenseTests
{
    /// <summary>A (2 inputs → 3 units) layer with kernel [[1, 0, −1], [0.5, 2, 1]] and bias [0.1, −0.2, 0.3].</summary>
    private static Dense Layer(string activation)
    {
        var dense = new Dense(3, inputDim: 2, activation: activation);
        new float[] { 1f, 0f, -1f, 0.5f, 2f, 1f }.CopyTo(dense.Kernel.Data, 0);
        new float[] { 0.1f, -0.2f, 0.3f }.CopyTo(dense.Bias.Data, 0);
        return dense;
    }

    // x = [[2, 4], [−1, 1]]: z = x·W + b = [[4.1, 7.8, 2.3], [−0.4, 1.8, 2.3]] by hand.
    private static readonly Matrix X = Matrix.FromRows([2f, 4f], [-1f, 1f]);

    [Fact]
    public void Forward_Linear_IsInputsTimesKernelPlusBias()
    {
        var a = Layer("linear").Forward(X);
        Assert.Equal([4.1f, 7.8f, 2.3f, -0.4f, 1.8f, 2.3f], a.Data.Select(v => MathF.Round(v, 5)));
    }

    [Fact]
    public void Forward_Relu_ZeroesNegativePreActivations()
    {
        var a = Layer("relu").Forward(X);
        Assert.Equal([4.1f, 7.8f, 2.3f, 0f, 1.8f, 2.3f], a.Data.Select(v => MathF.Round(v, 5)));
    }

    [Fact]
    public void Forward_Softmax_MatchesHandComputedProbabilities()
    {
        var a = Layer("softmax").Forward(X);
        double[] z = [-0.4, 1.8, 2.3];
        double sum = z.Sum(Math.Exp);
        for (int j = 0; j < 3; j++)
            Assert.Equal(Math.Exp(z[j]) / sum, a[1, j], 5);
        Assert.Equal(1.0, a.Row(0).ToArray().Sum(), 5);
    }

    [Fact]
    public void Forward_SigmoidAndTanh_MatchMath()
    {
        Assert.Equal(1 / (1 + Math.Exp(0.4)), Layer("sigmoid").Forward(X)[1, 0], 5);
        Assert.Equal(Math.Tanh(1.8), Layer("tanh").Forward(X)[1, 1], 5);
    }

    [Fact]
    public void Build_DefaultInitializers_GlorotKernelWithinLimitAndZeroBias()
    {
        var dense = new Dense(10, inputDim: 784, seed: 1);
        float limit = MathF.Sqrt(6f / (784 + 10));
        Assert.All(dense.Kernel.Data, v => Assert.InRange(v, -limit, limit));
        Assert.True(dense.Kernel.Data.Max() > 0.9f * limit && dense.Kernel.Data.Min() < -0.9f * limit);
        Assert.All(dense.Bias.Data, v => Assert.Equal(0f, v));
    }

    [Theory]
    [InlineData("one")]
    [InlineData("ones")]
    public void Build_BiasInitializerOne_BiasIsOnes(string name)
    {
        var dense = new Dense(10, inputDim: 784, biasInitializer: name, seed: 1);
        Assert.All(dense.Bias.Data, v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Build_RandomNormalKernel_HasRequestedMeanAndStddev()
    {
        var dense = new Dense(10, inputDim: 784, kernelInitializer: new RandomNormal(mean: 0.5, stddev: 0.01, seed: 3));
        double mean = dense.Kernel.Data.Average(), sd = Math.Sqrt(dense.Kernel.Data.Average(v => (v - mean) * (v - mean)));
        Assert.Equal(0.5, mean, 3);         // 7840 draws: standard error 1.1e-4
        Assert.InRange(sd, 0.0097, 0.0103);
    }

    [Fact]
    public void Build_SameSeed_SameWeights_DifferentSeed_DifferentWeights()
    {
        Assert.Equal(new Dense(10, inputDim: 50, seed: 7).Kernel.Data, new Dense(10, inputDim: 50, seed: 7).Kernel.Data);
        Assert.NotEqual(new Dense(10, inputDim: 50, seed: 7).Kernel.Data, new Dense(10, inputDim: 50, seed: 8).Kernel.Data);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_NonPositiveUnits_ThrowsKerasMessage(int units)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Dense(units));
        Assert.Equal("units", e.ParamName);
        Assert.Contains($"Expected `units` to be a positive integer. Received: units={units}.", e.Message);
    }

    [Fact]
    public void Constructor_UnknownActivation_ListsKnownNames()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dense(3, activation: "softmx"));
        Assert.Contains("softmx", e.Message);
        foreach (var name in new[] { "softmax", "sigmoid", "relu", "tanh", "linear" })
            Assert.Contains(name, e.Message);
    }

    [Fact]
    public void Constructor_UnknownInitializer_ListsKnownNames()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dense(3, biasInitializer: "uno"));
        Assert.Contains("uno", e.Message);
        Assert.Contains("glorot_uniform", e.Message);
        Assert.Contains("zeros", e.Message);
    }

    [Fact]
    public void Forward_WrongInputWidth_ThrowsWithShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Layer("linear").Forward(new Matrix(4, 5)));
        Assert.Contains("(batch, 2)", e.Message);
        Assert.Contains("(4, 5)", e.Message);
    }

    [Fact]
    public void Kernel_BeforeBuild_ThrowsExplaining()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new Dense(3).Kernel);
        Assert.Contains("inputDim", e.Message);
    }
}
