using NotebookMnist.Keras;
using TorchSharp;
using static TorchSharp.torch;
using static NotebookMnist.Tests.Keras.TensorData;

namespace NotebookMnist.Tests.Keras;

/// <summary>A softmax output layer with a cross-entropy loss: the loss comes from the layer's logits, as tf.keras computes
/// it (the softmax keeps its logits as <c>_keras_logits</c>), and agrees with the loss on probabilities wherever those
/// do not round to 0.</summary>
public class SoftmaxLogitsTests
{
    private static readonly Tensor Logits = Rows([2.0f, -1.0f, 0.5f], [0.1f, 0.2f, 0.3f], [-3.0f, 4.0f, 1.0f]);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CategoricalCrossentropy_FromSoftmaxLogits_EqualsLossOnSoftmax(bool mean)
    {
        var y = OneHot([0, 2, 1], 3);
        var loss = new CategoricalCrossentropy();
        var fromLogits = loss.FromSoftmaxLogits(y, Logits, mean)!;
        var onProbabilities = mean ? loss.Call(y, softmax(Logits, 1)) : loss.CallPerSample(y, softmax(Logits, 1));
        // By hand for the first sample: −log(e² / (e² + e⁻¹ + e^0.5)) = 0.2413.
        Assert.Equal(0.2413, loss.FromSoftmaxLogits(y, Logits, mean: false)![0].item<float>(), 4);
        Assert.True(allclose(fromLogits, onProbabilities, rtol: 1e-5, atol: 1e-6), $"{fromLogits.str()} against {onProbabilities.str()}");
    }

    [Fact]
    public void SparseCategoricalCrossentropy_FromSoftmaxLogits_EqualsLossOnSoftmax()
    {
        var labels = tensor(new long[] { 0, 2, 1 });
        var loss = new SparseCategoricalCrossentropy();
        var fromLogits = loss.FromSoftmaxLogits(labels, Logits, mean: false)!;
        var onProbabilities = loss.CallPerSample(labels, softmax(Logits, 1));
        Assert.True(allclose(fromLogits, onProbabilities, rtol: 1e-5, atol: 1e-6), $"{fromLogits.str()} against {onProbabilities.str()}");
    }

    [Fact]
    public void LossesThatTakeLogitsOrProbabilitiesOnly_HaveNoLogitsForm()
    {
        var y = OneHot([0, 2, 1], 3);
        Assert.Null(new CategoricalCrossentropy(fromLogits: true).FromSoftmaxLogits(y, Logits, mean: true));
        Assert.Null(new MeanSquaredError().FromSoftmaxLogits(y, Logits, mean: true));
    }

    [Fact]
    public void Mse_FusedMean_EqualsMeanOfPerSampleMeans()
    {
        var y = OneHot([0, 2, 1], 3);
        var yPred = softmax(Logits, 1);
        var loss = new MeanSquaredError();
        // Keras: the mean over the last axis, then over the batch; every row has 3 entries, so the overall mean.
        Assert.Equal(loss.CallPerSample(y, yPred).mean().item<float>(), loss.CallUnchecked(y, yPred).item<float>(), 6);
    }

    [Fact]
    public void Evaluate_SaturatedSoftmax_ReportsTheTrueCrossEntropyNotTheClippedOne()
    {
        // One sample, logits [0, −200]: softmax gives ŷ = [1, 0] in float32, and the target is class 1. On probabilities
        // the loss would be −log(clip(0, 1e-7)) = 16.118; from the logits it is the true −log softmax(z)₁ = 200.
        var dense = new Dense(2, inputDim: 1, activation: "softmax", seed: 1);
        var model = new Sequential(dense);
        model.Compile(new SGD(0.1), "categorical_crossentropy", ["accuracy"]);
        Set(dense, [0f, 0f], [0f, -200f]);
        var (loss, accuracy) = model.Evaluate(Rows([1f]), OneHot([1], 2));
        Assert.Equal(200.0, loss, 3);
        Assert.Equal(0.0, accuracy);
        Assert.Equal(16.118, new CategoricalCrossentropy().Call(OneHot([1], 2), softmax(tensor(new float[,] { { 0f, -200f } }), 1)).item<float>(), 3);
    }

    /// <summary>Sets a one-input Dense layer's kernel (1, units) and bias.</summary>
    private static void Set(Dense dense, float[] kernel, float[] bias)
    {
        using var noGrad = no_grad();
        dense.Weight.copy_(tensor(kernel).reshape(-1, 1));           // stored transposed: (units, inputDim)
        dense.Bias.copy_(tensor(bias));
    }

    [Fact]
    public void Fit_SoftmaxCrossEntropy_GradientIsSoftmaxMinusTarget()
    {
        // One SGD step from zero weights on one sample: dL/dz = softmax(z) − y = [1/3 − 1, 1/3, 1/3] for target class 0,
        // so the bias moves by −lr·(ŷ − y) and the kernel by −lr·x·(ŷ − y) (x = 2).
        var dense = new Dense(3, inputDim: 1, activation: "softmax", seed: 1);
        var model = new Sequential(dense);
        model.Compile(new SGD(0.3), "categorical_crossentropy", ["accuracy"]);
        Set(dense, [0f, 0f, 0f], [0f, 0f, 0f]);
        model.Fit(Rows([2f]), OneHot([0], 3), batchSize: 1, epochs: 1, verbose: 0, seed: 1);
        var step = new[] { 2f / 3, -1f / 3, -1f / 3 };                     // −(ŷ − y)
        Assert.Equal(step.Select(s => 0.3f * s), model.GetWeights()[1].data<float>().ToArray(), new FloatTolerance(1e-6f));
        Assert.Equal(step.Select(s => 0.3f * 2 * s), model.GetWeights()[0].data<float>().ToArray(), new FloatTolerance(1e-6f));
    }
}
