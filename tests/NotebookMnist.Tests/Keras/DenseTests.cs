using NotebookMnist.Keras;
using TorchSharp;
using static TorchSharp.torch;
using static NotebookMnist.Tests.Keras.TensorData;

namespace NotebookMnist.Tests.Keras;

public class DenseTests
{
    [Fact]
    public void Forward_IsInputsTimesKernelPlusBias()
    {
        var dense = new Dense(2, inputDim: 3, biasInitializer: "one", seed: 1);
        using (no_grad())
            dense.Kernel.copy_(Rows([1, 2], [3, 4], [5, 6]));      // (inputDim, units), written through the view
        var y = dense.Forward(Rows([1, 0, -1], [0.5f, 1, 0]));
        // [1−5+1, 2−6+1] = [−3, −3]; [0.5+3+1, 1+4+1] = [4.5, 6].
        Assert.Equal([-3f, -3f, 4.5f, 6f], Floats(y));
        Assert.Equal([2L, 3L], dense.Weight.shape);                 // stored as nn.Linear's (units, inputDim)
    }

    [Fact]
    public void Forward_Softmax_RowsSumToOne()
    {
        var dense = new Dense(10, inputDim: 784, activation: "softmax", seed: 3);
        var sums = dense.Forward(rand(5, 784)).sum(1);
        Assert.All(Floats(sums), s => Assert.Equal(1f, s, 5));
    }

    [Fact]
    public void Build_GlorotUniformKernelWithinLimitAndOnesBias()
    {
        var dense = new Dense(10, inputDim: 784, biasInitializer: "one", seed: 7);
        double limit = Math.Sqrt(6.0 / (784 + 10));
        var w = Floats(dense.Kernel);
        Assert.All(w, v => Assert.InRange(v, -limit, limit));
        Assert.InRange(w.Max(), 0.9 * limit, limit);                // 7,840 draws reach near the limit
        Assert.InRange(w.Average(), -0.01, 0.01);
        Assert.Equal(Enumerable.Repeat(1f, 10), Floats(dense.Bias));
        Assert.True(dense.Weight.requires_grad);
    }

    [Fact]
    public void Build_SameSeed_SameBits_OtherSeed_OtherWeights()
    {
        Assert.Equal(Floats(new Dense(4, inputDim: 6, seed: 9).Kernel), Floats(new Dense(4, inputDim: 6, seed: 9).Kernel));
        Assert.NotEqual(Floats(new Dense(4, inputDim: 6, seed: 9).Kernel), Floats(new Dense(4, inputDim: 6, seed: 10).Kernel));
    }

    [Fact]
    public void Constructor_InputShape_IsInputDim()
    {
        Assert.Equal(784, new Dense(10, inputShape: [784]).InputDim);
        var e = Assert.Throws<ArgumentException>(() => new Dense(10, inputShape: [28, 28]));
        Assert.Equal("inputShape", e.ParamName);
    }

    [Fact]
    public void Constructor_ZeroUnits_KerasMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Dense(0));
        Assert.Contains("Expected `units` to be a positive integer. Received: units=0.", e.Message);
    }

    [Fact]
    public void Constructor_UnknownNames_ListKnownOnes()
    {
        Assert.Contains("glorot_uniform", Assert.Throws<ArgumentException>(() => new Dense(2, kernelInitializer: "glorot")).Message);
        Assert.Contains("softmax", Assert.Throws<ArgumentException>(() => new Dense(2, activation: "softmin")).Message);
    }

    [Fact]
    public void Forward_WrongInputWidth_ThrowsWithShape()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dense(2, inputDim: 3, seed: 1).Forward(zeros(4, 5)));
        Assert.Contains("(batch, 3)", e.Message);
        Assert.Contains("(4, 5)", e.Message);
    }
}
