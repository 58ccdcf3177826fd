using NotebookMnist;

namespace NotebookMnist.Tests;

public class SoftmaxBackwardTests
{
    [Fact]
    public void SoftmaxBackwardKernel_LinearFunctionalOfSoftmax_MatchesFiniteDifferences()
    {
        // f(z) = Σⱼ wⱼ softmax(z)ⱼ has ∂f/∂z = Jᵀw
        var random = new Random(SeededArrays.Seed);
        double[] z = SeededArrays.Normal(random, 6, 2), w = SeededArrays.Normal(random, 6);
        var p = new double[6];
        Ops.SoftmaxKernel<double>(z, p);
        var exact = new double[6];

        Ops.SoftmaxBackwardKernel<double>(p, w, exact);

        double[] approx = GradientCheck.Numeric(x =>
        {
            var s = new double[x.Length];
            Ops.SoftmaxKernel<double>(x, s);
            return s.Zip(w, (a, b) => a * b).Sum();
        }, z);
        GradientCheck.AssertClose(exact, approx);
    }

    [Fact]
    public void SoftmaxBackward_ConstantGradient_IsZero()
    {
        // softmax is invariant to adding a constant to p's gradient: Jᵀ1 = p − p·Σp = 0
        var p = Ops.Softmax(Matrix.FromRow(0.3f, -1, 2));

        var result = Ops.SoftmaxBackward(p, Matrix.FromRow(5, 5, 5));

        Assert.All(result.Data, v => Assert.Equal(0f, v, 5));
    }

    [Fact]
    public void SoftmaxBackward_InPlaceOnGradient_EqualsFreshResult()
    {
        var p = Ops.Softmax(Matrix.FromRow(0.3f, -1, 2));
        var g = Matrix.FromRow(1, -2, 0.5f);
        var expected = Ops.SoftmaxBackward(p, g);

        Ops.SoftmaxBackward(p, g, g);

        Assert.Equal(expected.Data, g.Data);
    }

    [Fact]
    public void SoftmaxBackward_ShapesDiffer_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.SoftmaxBackward(new Matrix(2, 3), new Matrix(2, 4)));

        Assert.Contains("probabilities (2, 3), outputGradient (2, 4)", ex.Message);
    }
}
