using NotebookMnist.Keras;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Tests.Keras;

public class SGDTests
{
    [Fact]
    public void Step_KerasExample_OneBecomesPointNine()
    {
        // Keras's docs: var = 1.0, loss = var, SGD(learning_rate=0.1) → 0.9 after one step.
        var variable = tensor(new[] { 1.0f }).requires_grad_(true);
        variable.sum().backward();
        new SGD(0.1).Step([variable]);
        Assert.Equal(0.9f, variable.item<float>());
        Assert.Equal(0f, variable.grad!.item<float>());              // gradients cleared for the next step
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_BadLearningRate_KerasMessage(double lr)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SGD(lr));
        Assert.Equal("learningRate", e.ParamName);
        Assert.Contains($"Received: learningRate={lr}", e.Message);
    }
}
