using NotebookMnist.Keras;

namespace NotebookMnist.Tests.Keras;

public class ActivationsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("linear")]
    public void Get_NullEmptyOrLinear_IsIdentity(string? name) => Assert.Equal("linear", Activations.Get(name).Name);

    [Fact]
    public void SoftmaxBackward_EqualsFullJacobianTimesGradient()
    {
        // J = diag(p) − p pᵀ, so dL/dz = Jᵀ g = p ⊙ (g − p·g), written out element by element here.
        var z = Matrix.FromRows([0.5f, -1f, 2f, 0f], [3f, 3f, -2f, 1f]);
        var g = Matrix.FromRows([1f, -2f, 0.5f, 4f], [0f, 1f, 0f, -1f]);
        var act = new SoftmaxActivation();
        var p = new Matrix(2, 4);
        act.Forward(z, p);
        var dz = new Matrix(2, 4);
        act.Backward(z, p, g, dz);
        for (int r = 0; r < 2; r++)
            for (int j = 0; j < 4; j++)
            {
                double expected = 0;
                for (int i = 0; i < 4; i++)
                    expected += ((i == j ? p[r, i] : 0) - (double)p[r, i] * p[r, j]) * g[r, i];
                Assert.Equal(expected, dz[r, j], 6);
            }
    }

    [Theory]
    [InlineData("relu", 1.5, 2.0, 2.0)]
    [InlineData("relu", -1.5, 2.0, 0.0)]
    [InlineData("sigmoid", 0.0, 2.0, 0.5)]       // σ′(0) = 1/4
    [InlineData("tanh", 0.0, 2.0, 2.0)]          // tanh′(0) = 1
    [InlineData("linear", -3.0, 2.0, 2.0)]
    public void ElementwiseBackward_IsGradientTimesDerivative(string name, double z, double g, double expected)
    {
        var act = Activations.Get(name);
        var zm = Matrix.FromRow((float)z);
        var a = new Matrix(1, 1);
        act.Forward(zm, a);
        var dz = new Matrix(1, 1);
        act.Backward(zm, a, Matrix.FromRow((float)g), dz);
        Assert.Equal(expected, dz[0, 0], 6);
    }
}
