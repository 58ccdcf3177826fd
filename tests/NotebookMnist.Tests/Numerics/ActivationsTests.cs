using NotebookMnist;

namespace NotebookMnist.Tests;

public class ActivationsTests
{
    private static readonly float[] Inputs = [-4f, -1.3f, -0.2f, 0.4f, 1f, 2.7f];

    [Fact]
    public void Sigmoid_KnownPoints_MatchDefinition()
    {
        var s = Ops.Sigmoid(Matrix.FromRow(0, 2, -2));

        Assert.Equal(0.5f, s[0, 0], 6);
        Assert.Equal(0.880797f, s[0, 1], 5); // 1/(1 + e⁻²)
        Assert.Equal(0.119203f, s[0, 2], 5);
    }

    [Fact]
    public void Tanh_KnownPoint_MatchesDefinition()
    {
        Assert.Equal(0.761594f, Ops.Tanh(Matrix.FromRow(1))[0, 0], 5); // (e − e⁻¹)/(e + e⁻¹)
    }

    [Fact]
    public void Relu_ClampsNegativesToZero()
    {
        Assert.Equal([0f, 0f, 0f, 0.4f, 1f, 2.7f], Ops.Relu(Matrix.FromRow(Inputs)).Data);
    }

    public static TheoryData<string> Activations => new() { "sigmoid", "tanh", "relu" };

    [Theory]
    [MemberData(nameof(Activations))]
    public void Derivative_MatchesCentralFiniteDifferences(string name)
    {
        var (f, df) = Pick(name);
        var x = Matrix.FromRow(Inputs);
        const float h = 1e-2f;

        var derivative = df(x);

        for (int i = 0; i < Inputs.Length; i++)
        {
            float plus = f(Matrix.FromRow(Inputs[i] + h))[0, 0], minus = f(Matrix.FromRow(Inputs[i] - h))[0, 0];
            float approx = (plus - minus) / (2 * h);
            Assert.True(Math.Abs(derivative.Data[i] - approx) < 1e-4,
                $"{name}′({Inputs[i]}): exact={derivative.Data[i]}, approx={approx}");
        }
    }

    [Fact]
    public void ReluDerivative_AtZero_IsZero()
    {
        Assert.Equal([0f, 0f, 1f], Ops.ReluDerivative(Matrix.FromRow(-1, 0, 1)).Data);
    }

    [Fact]
    public void SigmoidDerivative_InPlace_EqualsFreshResult()
    {
        var x = Matrix.FromRow(Inputs);
        var expected = Ops.SigmoidDerivative(x);

        Ops.SigmoidDerivative(x, x);

        Assert.Equal(expected.Data, x.Data);
    }

    [Fact]
    public void Sigmoid_DestinationShapeDiffers_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.Sigmoid(new Matrix(1, 3), new Matrix(3, 1)));

        Assert.Contains("Received: x (1, 3), destination (3, 1).", ex.Message);
    }

    private static (Func<Matrix, Matrix> F, Func<Matrix, Matrix> Df) Pick(string name) => name switch
    {
        "sigmoid" => (Ops.Sigmoid, Ops.SigmoidDerivative),
        "tanh" => (Ops.Tanh, Ops.TanhDerivative),
        "relu" => (Ops.Relu, Ops.ReluDerivative),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
