using NotebookMnist;

namespace NotebookMnist.Tests;

public class HingeTests
{
    [Fact]
    public void Call_KerasDocExampleWithZeroOneTargets_Is1Point3()
    {
        // 0 → −1: y = [[−1, 1], [−1, −1]]; max(0, 1 − y·p): [[1.6, 0.6], [1.4, 1.6]] → row means 1.1, 1.5 → 1.3
        var yTrue = Matrix.FromRows([0, 1], [0, 0]);
        var yPred = Matrix.FromRows([0.6f, 0.4f], [0.4f, 0.6f]);

        Assert.Equal(1.3f, new Hinge().Call(yTrue, yPred), 6);
    }

    [Fact]
    public void CallAndGradient_PlusMinusOneTargets_MatchHandComputed()
    {
        // y = [1, −1], p = [2, 0.5]: max(0, 1 − 2) = 0, max(0, 1 + 0.5) = 1.5 → mean 0.75
        // gradient: 0 (margin met) and −y/(n·c) = 1/2
        var yTrue = Matrix.FromRow(1, -1);
        var yPred = Matrix.FromRow(2, 0.5f);
        var loss = new Hinge();

        Assert.Equal(0.75f, loss.Call(yTrue, yPred), 6);
        Assert.Equal([0f, 0.5f], loss.Gradient(yTrue, yPred).Data);
    }
}
