using NotebookMnist;

namespace NotebookMnist.Tests;

public class BinaryCrossentropyTests
{
    private static readonly Matrix KerasTrue = Matrix.FromRows([0, 1], [0, 0]);

    [Fact]
    public void Call_KerasDocProbabilities_Is0Point815()
    {
        // row 0: −log(1 − 0.6) = 0.916291, −log 0.4 = 0.916291 → 0.916291
        // row 1: −log(1 − 0.4) = 0.510826, −log(1 − 0.6) = 0.916291 → 0.713558; mean 0.814924
        var yPred = Matrix.FromRows([0.6f, 0.4f], [0.4f, 0.6f]);

        Assert.Equal(0.814924f, new BinaryCrossentropy().Call(KerasTrue, yPred), 5);
    }

    [Fact]
    public void Call_KerasDocLogits_Is0Point865()
    {
        // b = max(x, 0) − x·z + log(1 + e^−|x|):
        // x=−18.6,z=0: 8.4e-9; x=0.51,z=1: log(1 + e^−0.51) = 0.470313; x=2.94,z=0: 2.94 + 0.051516 = 2.991516;
        // x=−12.8,z=0: 2.8e-6. Row means 0.235157, 1.495759 → 0.865458 (Keras docs: 0.865)
        var logits = Matrix.FromRows([-18.6f, 0.51f], [2.94f, -12.8f]);

        Assert.Equal(0.865458f, new BinaryCrossentropy(fromLogits: true).Call(KerasTrue, logits), 5);
    }

    [Fact]
    public void CallAndGradient_FromLogits_AgreeWithProbabilityPathOnSigmoid()
    {
        var yTrue = Matrix.FromRows([0, 1, 0.3f], [1, 1, 0]);
        var logits = Matrix.FromRows([0.5f, -1.2f, 2f], [0.1f, 3f, -0.7f]);
        var p = Ops.Sigmoid(logits);
        var viaLogits = new BinaryCrossentropy(fromLogits: true);
        var viaProbabilities = new BinaryCrossentropy();

        Assert.Equal(viaProbabilities.Call(yTrue, p), viaLogits.Call(yTrue, logits), 5);
        // chain rule: ∂/∂x = ∂/∂p · σ′(x)
        var chained = Ops.Multiply(viaProbabilities.Gradient(yTrue, p), Ops.SigmoidDerivative(logits));
        var direct = viaLogits.Gradient(yTrue, logits);
        for (int i = 0; i < direct.Length; i++)
            Assert.Equal(chained.Data[i], direct.Data[i], 5);
    }

    [Fact]
    public void Call_HugeLogits_IsFinite()
    {
        float loss = new BinaryCrossentropy(fromLogits: true).Call(Matrix.FromRow(0, 1), Matrix.FromRow(1000, -1000));

        Assert.Equal(1000f, loss, 3); // each element costs 1000: max(1000, 0) and −(−1000)·1
    }

    [Fact]
    public void Call_CertainWrongProbability_IsClipped()
    {
        float loss = new BinaryCrossentropy().Call(Matrix.FromRow(1), Matrix.FromRow(0));

        Assert.Equal(-MathF.Log(1e-7f), loss, 3);
    }

    [Fact]
    public void Call_MismatchedShapes_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BinaryCrossentropy().Call(new Matrix(1, 2), new Matrix(1, 3)));

        Assert.Contains("yTrue (1, 2), yPred (1, 3)", ex.Message);
    }
}
