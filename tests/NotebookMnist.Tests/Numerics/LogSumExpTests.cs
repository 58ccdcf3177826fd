using NotebookMnist;

namespace NotebookMnist.Tests;

public class LogSumExpTests
{
    [Fact]
    public void LogSumExp_SmallCase_MatchesDefinition()
    {
        // log(e⁰ + e¹ + e²) = log 11.107338 = 2.407606
        Assert.Equal(2.407606f, Ops.LogSumExp([0f, 1f, 2f]), 5);
    }

    [Fact]
    public void LogSumExp_Huge_IsMaxPlusLog2()
    {
        Assert.Equal(1000f + MathF.Log(2), Ops.LogSumExp([1000f, 1000f]), 3);
    }

    [Fact]
    public void LogSumExp_AllMinusInfinity_IsMinusInfinity()
    {
        Assert.Equal(float.NegativeInfinity, Ops.LogSumExp([float.NegativeInfinity, float.NegativeInfinity]));
    }

    [Fact]
    public void LogSumExp_IsAboveMaxAndAtMostMaxPlusLogN()
    {
        // d2l exercise: max x < LogSumExp(x) ≤ max x + log n
        float[] x = [3f, -1f, 2.5f, 0f];

        float value = Ops.LogSumExp(x);

        Assert.InRange(value, 3f + 1e-6f, 3f + MathF.Log(4));
    }

    [Fact]
    public void LogSumExp_Matrix_IsPerRow()
    {
        float[] result = Ops.LogSumExp(Matrix.FromRows([0, 0], [1000, 1000]));

        Assert.Equal(MathF.Log(2), result[0], 6);
        Assert.Equal(1000f + MathF.Log(2), result[1], 3);
    }

    [Fact]
    public void LogSumExp_Empty_ThrowsNamingX()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.LogSumExp(ReadOnlySpan<float>.Empty));

        Assert.Equal("x", ex.ParamName);
        Assert.Contains("non-empty x", ex.Message);
    }
}
