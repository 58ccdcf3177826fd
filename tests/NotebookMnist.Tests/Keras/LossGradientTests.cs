using NotebookMnist.Keras;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Tests.Keras;

/// <summary>Autograd's gradient of every loss, in float64, against float64 central finite differences of the same loss.</summary>
public class LossGradientTests
{
    public static TheoryData<string> Names => new(
        "mse", "mae", "huber", "categorical_crossentropy", "categorical_crossentropy_logits",
        "sparse_categorical_crossentropy", "sparse_categorical_crossentropy_logits",
        "binary_crossentropy", "binary_crossentropy_logits", "hinge", "categorical_hinge", "custom");

    private static (Loss Loss, Tensor YTrue, double[] YPred) Case(string name)
    {
        // Predictions away from kinks (|e| ≠ δ, margins ≠ 1) and inside (ε, 1 − ε), so the loss is smooth there.
        double[] probabilities = [0.15, 0.25, 0.6, 0.3, 0.45, 0.25];
        double[] logits = [0.3, -1.2, 2.1, 0.7, 0.1, -0.4];
        var oneHot = TensorData.Rows64([0, 0, 1], [1, 0, 0]);
        var labels = tensor(new long[] { 2, 0 });
        return name switch
        {
            "mse" => (new MeanSquaredError(), oneHot, logits),
            "mae" => (new MeanAbsoluteError(), oneHot, logits),
            "huber" => (new Huber(1.0), oneHot, logits),
            "categorical_crossentropy" => (new CategoricalCrossentropy(), oneHot, probabilities),
            "categorical_crossentropy_logits" => (new CategoricalCrossentropy(fromLogits: true), oneHot, logits),
            "sparse_categorical_crossentropy" => (new SparseCategoricalCrossentropy(), labels, probabilities),
            "sparse_categorical_crossentropy_logits" => (new SparseCategoricalCrossentropy(fromLogits: true), labels, logits),
            "binary_crossentropy" => (new BinaryCrossentropy(), oneHot, probabilities),
            "binary_crossentropy_logits" => (new BinaryCrossentropy(fromLogits: true), oneHot, logits),
            "hinge" => (new Hinge(), oneHot, logits),
            "categorical_hinge" => (new CategoricalHinge(), oneHot, logits),
            "custom" => (new CustomLoss("cube", (y, p) => (p - y).pow(3).sum(-1)), oneHot, logits),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Autograd_MatchesFiniteDifferences(string name)
    {
        var (loss, yTrue, values) = Case(name);
        double F(double[] v)
        {
            using var p = tensor(v, [2, 3]);
            using var l = loss.Call(yTrue, p);
            return l.item<double>();
        }
        var yPred = tensor(values, [2, 3]).requires_grad_(true);
        loss.Call(yTrue, yPred).backward();
        double[] exact = yPred.grad!.data<double>().ToArray();
        GradientCheck.AssertClose(exact, GradientCheck.Numeric(F, values), relativeTolerance: 1e-6, absoluteFloor: 1e-8);
    }

    [Fact]
    public void CategoricalCrossentropy_Float32GradientOfSoftmaxOutputs_IsYHatMinusYOverBatch()
    {
        // Through softmax, d(CE)/dz = (ŷ − y)/n: the gradient Fit's article model trains on.
        var z = tensor(new float[] { 0.3f, -1.2f, 2.1f, 0.7f, 0.1f, -0.4f }, [2, 3]).requires_grad_(true);
        var y = TensorData.Rows([0, 0, 1], [1, 0, 0]);
        var yHat = softmax(z, -1);
        new CategoricalCrossentropy().Call(y, yHat).backward();
        var expected = ((yHat.detach() - y) / 2).data<float>().ToArray();
        Assert.Equal(expected, z.grad!.data<float>().ToArray(), new FloatTolerance(1e-6f));
    }
}

internal sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(float obj) => 0;
}
