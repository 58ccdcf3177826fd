using NotebookMnist;

namespace NotebookMnist.Tests;

public class CategoricalCrossentropyTests
{
    [Fact]
    public void PerSample_D2lWorkedExample_Is2Point3026And0Point6931()
    {
        // d2l §3.6: −log 0.1 = 2.302585, −log 0.5 = 0.693147
        var yHat = Matrix.FromRows([0.1f, 0.3f, 0.6f], [0.3f, 0.2f, 0.5f]);
        var y = Ops.OneHot([0, 2], 3);

        float[] losses = new CategoricalCrossentropy().PerSample(y, yHat);

        Assert.Equal(2.3026f, losses[0], 4);
        Assert.Equal(0.6931f, losses[1], 4);
    }

    [Fact]
    public void Call_KerasDocExample_Is1Point177()
    {
        // −log 0.95 = 0.051293, −log 0.1 = 2.302585 → mean 1.176939
        var yTrue = Matrix.FromRows([0, 1, 0], [0, 0, 1]);
        var yPred = Matrix.FromRows([0.05f, 0.95f, 0], [0.1f, 0.8f, 0.1f]);

        Assert.Equal(1.176939f, new CategoricalCrossentropy().Call(yTrue, yPred), 5);
    }

    [Fact]
    public void Call_PerfectOneHotPrediction_IsFiniteAndTiny()
    {
        var y = Matrix.FromRows([0, 1, 0]);

        float loss = new CategoricalCrossentropy().Call(y, y.Clone());

        Assert.True(float.IsFinite(loss));
        Assert.InRange(loss, 0f, 1e-6f); // −log(1 − 1e-7) ≈ 1e-7
    }

    [Fact]
    public void Call_ZeroProbabilityForTrueClass_IsClippedToMinusLogEpsilon()
    {
        float loss = new CategoricalCrossentropy().Call(Matrix.FromRow(1, 0), Matrix.FromRow(0, 1));

        Assert.Equal(-MathF.Log(1e-7f), loss, 3); // 16.118
    }

    [Fact]
    public void Call_UnnormalisedProbabilities_AreRenormalisedLikeKeras()
    {
        // [2, 6] → q = [0.25, 0.75]; −log 0.75 = 0.287682
        Assert.Equal(0.287682f, new CategoricalCrossentropy().Call(Matrix.FromRow(0, 1), Matrix.FromRow(2, 6)), 5);
    }

    [Fact]
    public void Gradient_WhereClipIsActive_IsZero()
    {
        // q = [0, 1]: both clipped, so no gradient flows (TensorFlow clip_by_value semantics)
        var gradient = new CategoricalCrossentropy().Gradient(Matrix.FromRow(1, 0), Matrix.FromRow(0, 1));

        Assert.Equal([0f, 0f], gradient.Data);
    }

    [Fact]
    public void Call_FromLogits_AgreesWithProbabilityPathOnSoftmax()
    {
        var logits = Matrix.FromRows([1, 2, 0.5f], [-1, 0.3f, 2]);
        var y = Ops.OneHot([2, 0], 3);

        float viaLogits = new CategoricalCrossentropy(fromLogits: true).Call(y, logits);
        float viaProbabilities = new CategoricalCrossentropy().Call(y, Ops.Softmax(logits));

        Assert.Equal(viaProbabilities, viaLogits, 5);
    }

    [Fact]
    public void Call_FromLogitsHuge_IsFinite()
    {
        float loss = new CategoricalCrossentropy(fromLogits: true).Call(Matrix.FromRow(1, 0), Matrix.FromRow(1000, 1001));

        // LogSumExp([1000, 1001]) − 1000 = log(1 + e) = 1.313262, up to float spacing near 1000 (6.1e-5)
        Assert.Equal(1.3132617f, loss, 2e-4f);
    }

    [Fact]
    public void Call_MismatchedClasses_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new CategoricalCrossentropy().Call(new Matrix(2, 10), new Matrix(2, 9)));

        Assert.Contains("yTrue (2, 10), yPred (2, 9)", ex.Message);
    }
}
