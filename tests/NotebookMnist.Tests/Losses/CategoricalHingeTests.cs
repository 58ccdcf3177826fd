using NotebookMnist;

namespace NotebookMnist.Tests;

public class CategoricalHingeTests
{
    [Fact]
    public void Call_KerasDocExample_Is1Point4()
    {
        // row 0: pos = 0.4, neg = max(0.6, 0) = 0.6 → 0.6 − 0.4 + 1 = 1.2
        // row 1: pos = 0, neg = max(0.4, 0.6) = 0.6 → 1.6; mean 1.4
        var yTrue = Matrix.FromRows([0, 1], [0, 0]);
        var yPred = Matrix.FromRows([0.6f, 0.4f], [0.4f, 0.6f]);

        Assert.Equal(1.4f, new CategoricalHinge().Call(yTrue, yPred), 6);
    }

    [Fact]
    public void Gradient_MarginViolatedAndMet_MatchHandComputed()
    {
        // row 0: true class 0 scores 0.2, best other 0.9 (index 2) → active: [−1, 0, 1]/2
        // row 1: true class 1 scores 3, best other 0.5 → 0.5 − 3 + 1 < 0 → zero
        var yTrue = Ops.OneHot([0, 1], 3);
        var yPred = Matrix.FromRows([0.2f, 0.1f, 0.9f], [0.5f, 3f, 0.2f]);
        var loss = new CategoricalHinge();

        Assert.Equal([1.7f, 0f], loss.PerSample(yTrue, yPred));
        Assert.Equal([-0.5f, 0f, 0.5f, 0f, 0f, 0f], loss.Gradient(yTrue, yPred).Data);
    }
}
