using NotebookMnist;

namespace NotebookMnist.Tests;

/// <summary>Softmax followed by categorical cross-entropy has gradient (p − y)/n with respect to the logits.</summary>
public class SoftmaxCrossentropyTests
{
    private const int Rows = 3, Classes = 4;

    [Fact]
    public void FiniteDifferencesOverLogits_EqualPMinusYOverN()
    {
        var random = new Random(SeededArrays.Seed);
        double[] logits = SeededArrays.Normal(random, Rows * Classes, 1.5);
        double[] y = SeededArrays.OneHot(random, Rows, Classes, out _);
        var loss = new CategoricalCrossentropy();

        double[] approx = GradientCheck.Numeric(z => loss.Call<double>(y, Softmax(z), Classes), logits);

        GradientCheck.AssertClose(PMinusYOverN(logits, y), approx);
    }

    [Fact]
    public void ProbabilityGradientThroughSoftmaxBackward_EqualsPMinusYOverN()
    {
        var random = new Random(SeededArrays.Seed + 1);
        double[] logits = SeededArrays.Normal(random, Rows * Classes, 1.5);
        double[] y = SeededArrays.OneHot(random, Rows, Classes, out _);
        double[] p = Softmax(logits);
        var g = new double[p.Length];
        new CategoricalCrossentropy().Gradient<double>(y, p, Classes, g);

        var chained = new double[p.Length];
        for (int r = 0; r < Rows; r++)
        {
            Ops.SoftmaxBackwardKernel<double>(p.AsSpan(r * Classes, Classes), g.AsSpan(r * Classes, Classes),
                chained.AsSpan(r * Classes, Classes));
        }

        GradientCheck.AssertClose(PMinusYOverN(logits, y), chained, 1e-9);
    }

    [Fact]
    public void FromLogitsGradient_EqualsPMinusYOverN()
    {
        var random = new Random(SeededArrays.Seed + 2);
        double[] logits = SeededArrays.Normal(random, Rows * Classes, 3);
        double[] y = SeededArrays.OneHot(random, Rows, Classes, out _);
        var exact = new double[logits.Length];

        new CategoricalCrossentropy(fromLogits: true).Gradient<double>(y, logits, Classes, exact);

        GradientCheck.AssertClose(PMinusYOverN(logits, y), exact, 1e-12);
    }

    [Fact]
    public void SoftmaxBackward_FloatFacade_ChainsCrossentropyToPMinusYOverN()
    {
        var logits = Matrix.FromRows([1, 2, 0.5f, -1], [0.3f, -2, 2, 1]);
        var y = Ops.OneHot([2, 0], 4);
        var p = Ops.Softmax(logits);
        var loss = new CategoricalCrossentropy();

        var dLogits = Ops.SoftmaxBackward(p, loss.Gradient(y, p));

        var expected = Ops.Scale(Ops.Subtract(p, y), 0.5f);
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected.Data[i], dLogits.Data[i], 5);
    }

    private static double[] Softmax(double[] logits)
    {
        var p = new double[logits.Length];
        for (int r = 0; r < Rows; r++)
            Ops.SoftmaxKernel<double>(logits.AsSpan(r * Classes, Classes), p.AsSpan(r * Classes, Classes));
        return p;
    }

    /// <summary>The closed form, computed independently of the library: (exp(z)/Σexp(z) − y)/n.</summary>
    private static double[] PMinusYOverN(double[] logits, double[] y)
    {
        var expected = new double[logits.Length];
        for (int r = 0; r < Rows; r++)
        {
            double sum = 0;
            for (int k = 0; k < Classes; k++) sum += Math.Exp(logits[r * Classes + k]);
            for (int j = 0; j < Classes; j++)
                expected[r * Classes + j] = (Math.Exp(logits[r * Classes + j]) / sum - y[r * Classes + j]) / Rows;
        }
        return expected;
    }
}
