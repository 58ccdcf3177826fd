using NotebookMnist.Scratch;

namespace NotebookMnist.Tests.Scratch;

// The namespace NotebookMnist.D2l (d2l's saved helpers) would otherwise hide the old Scratch.D2l here.
using D2l = NotebookMnist.Scratch.D2l;

public class SoftmaxRegressionTests
{
    [Fact]
    public void Constructor_D2lDefaults_WIsNormalWithSigmaPointZeroOneAndBIsZero()
    {
        var net = new SoftmaxRegression(seed: 1);
        Assert.Equal((784, 10), net.W.Value.Shape);
        Assert.Equal((1, 10), net.B.Value.Shape);
        double mean = net.W.Value.Data.Average(), sd = Math.Sqrt(net.W.Value.Data.Average(v => (v - mean) * (v - mean)));
        Assert.InRange(mean, -0.0005, 0.0005);     // 7840 draws: standard error 1.1e-4
        Assert.InRange(sd, 0.0097, 0.0103);
        Assert.All(net.B.Value.Data, v => Assert.Equal(0f, v));
        Assert.Equal(["W", "b"], net.Params.Select(p => p.Name));
    }

    [Fact]
    public void Constructor_SameSeed_SameWeights()
    {
        Assert.Equal(new SoftmaxRegression(seed: 4).W.Value.Data, new SoftmaxRegression(seed: 4).W.Value.Data);
        Assert.NotEqual(new SoftmaxRegression(seed: 4).W.Value.Data, new SoftmaxRegression(seed: 5).W.Value.Data);
    }

    [Fact]
    public void Net_HandSetWeights_IsSoftmaxOfXWPlusB()
    {
        var net = new SoftmaxRegression(numInputs: 2, numOutputs: 3, seed: 1);
        new float[] { 1f, 0f, -1f, 0.5f, 2f, 1f }.CopyTo(net.W.Value.Data, 0);
        new float[] { 0.1f, -0.2f, 0.3f }.CopyTo(net.B.Value.Data, 0);
        var yHat = net.Net(Matrix.FromRows([2f, 4f], [-1f, 1f]));
        double[][] logits = [[4.1, 7.8, 2.3], [-0.4, 1.8, 2.3]];  // X·W + b by hand
        for (int r = 0; r < 2; r++)
        {
            double sum = logits[r].Sum(Math.Exp);
            for (int c = 0; c < 3; c++)
                Assert.Equal(Math.Exp(logits[r][c]) / sum, yHat[r, c], 5);
        }
    }

    [Fact]
    public void Net_WrongWidth_ThrowsWithShape()
    {
        var e = Assert.Throws<ArgumentException>(() => new SoftmaxRegression(seed: 1).Net(new Matrix(2, 28)));
        Assert.Contains("(n, 784)", e.Message);
        Assert.Contains("(2, 28)", e.Message);
    }

    [Fact]
    public void Backward_GradientsOfSummedCrossEntropy_MatchFiniteDifferences()
    {
        var random = new Random(20230828);
        var net = new SoftmaxRegression(numInputs: 6, numOutputs: 4, sigma: 0.5, seed: 2);
        for (int j = 0; j < 4; j++) net.B.Value.Data[j] = (float)(random.NextDouble() - 0.5);
        var x = new Matrix(5, 6);
        for (int i = 0; i < x.Length; i++) x.Data[i] = (float)(random.NextDouble() * 2 - 1);
        int[] y = [0, 3, 1, 1, 2];
        net.Backward(x, net.Net(x), y);
        double SummedLoss() => D2l.CrossEntropy(net.Net(x), y).Sum(v => (double)v);
        foreach (var p in net.Params)
        {
            for (int i = 0; i < p.Value.Length; i++)
            {
                float saved = p.Value.Data[i];
                p.Value.Data[i] = saved + 1e-3f;
                double plus = SummedLoss();
                p.Value.Data[i] = saved - 1e-3f;
                double minus = SummedLoss();
                p.Value.Data[i] = saved;
                double numeric = (plus - minus) / 2e-3;
                Assert.True(Math.Abs(p.Grad.Data[i] - numeric) <= 5e-4 + 1e-2 * Math.Abs(numeric),
                    $"{p.Name}[{i}]: analytic {p.Grad.Data[i]}, numeric {numeric}");
            }
        }
    }

    [Fact]
    public void Backward_LogitGradient_IsPredictionMinusOneHot()
    {
        // With X = identity rows and one sample per class, ∂L/∂W row i is exactly ŷᵢ − yᵢ.
        var net = new SoftmaxRegression(numInputs: 3, numOutputs: 3, seed: 3);
        var x = Matrix.FromRows([1f, 0f, 0f], [0f, 1f, 0f], [0f, 0f, 1f]);
        var yHat = net.Net(x);
        net.Backward(x, yHat, [2, 0, 1]);
        var expected = Ops.Subtract(yHat, Ops.OneHot([2, 0, 1], 3));
        Assert.Equal(expected.Data, net.W.Grad.Data);
        Assert.Equal(Ops.Sum(expected, 0).Data, net.B.Grad.Data);
    }

    [Fact]
    public void Backward_LabelOutOfRange_Throws()
    {
        var net = new SoftmaxRegression(numInputs: 2, numOutputs: 3, seed: 1);
        var x = new Matrix(1, 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => net.Backward(x, net.Net(x), [3]));
        Assert.Contains("y[0]=3", e.Message);
    }
}
