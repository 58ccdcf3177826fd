using NotebookMnist;

namespace NotebookMnist.Tests;

public class SoftmaxTests
{
    [Fact]
    public void Softmax_RandomRows_SumToOneAndArePositive()
    {
        var random = new Random(SeededArrays.Seed);
        var logits = SeededArrays.ToMatrix(SeededArrays.Normal(random, 6 * 10, 3), 10);

        var p = Ops.Softmax(logits);

        for (int r = 0; r < p.Rows; r++)
        {
            Assert.Equal(1.0, p.Row(r).ToArray().Sum(v => (double)v), 6);
            Assert.All(p.Row(r).ToArray(), v => Assert.True(v > 0));
        }
    }

    [Fact]
    public void Softmax_SmallCase_MatchesDefinition()
    {
        // exp([0, 1, 2]) = [1, e, e²], sum 11.107338 → [0.090031, 0.244728, 0.665241]
        var p = Ops.Softmax(Matrix.FromRow(0, 1, 2));

        Assert.Equal(0.090031f, p[0, 0], 5);
        Assert.Equal(0.244728f, p[0, 1], 5);
        Assert.Equal(0.665241f, p[0, 2], 5);
    }

    [Fact]
    public void Softmax_HugeLogits_FiniteAndEqualToShiftedLogits()
    {
        var huge = Ops.Softmax(Matrix.FromRow(1000, 1001));
        var small = Ops.Softmax(Matrix.FromRow(0, 1));

        Assert.All(huge.Data, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(small.Data[0], huge.Data[0], 6);
        Assert.Equal(small.Data[1], huge.Data[1], 6);
        Assert.Equal(0.268941f, huge.Data[0], 5); // 1/(1 + e)
    }

    [Fact]
    public void Softmax_AllBelowMinus100_StillSumsToOne()
    {
        // naive exp(−1000) underflows to 0 and 0/0 is NaN
        var p = Ops.Softmax(Matrix.FromRow(-1000, -1001, -1002.5f, -150));

        Assert.Equal(1f, p.Data.Sum(), 6);
        Assert.Equal(1f, p[0, 3], 6);
    }

    [Fact]
    public void Softmax_Span_InPlaceEqualsMatrixResult()
    {
        float[] x = [0.5f, -2, 3];
        var expected = Ops.Softmax(Matrix.FromRow(x));

        Ops.Softmax(x, x);

        Assert.Equal(expected.Data, x);
    }

    [Fact]
    public void Softmax_DestinationOverload_WritesIntoAndReturnsDestination()
    {
        var destination = new Matrix(2, 2);

        var result = Ops.Softmax(Matrix.FromRows([0, 0], [0, 0]), destination);

        Assert.Same(destination, result);
        Assert.Equal([0.5f, 0.5f, 0.5f, 0.5f], destination.Data);
    }

    [Fact]
    public void LogSoftmax_ModerateLogits_EqualsLogOfSoftmax()
    {
        var logits = Matrix.FromRows([1, 2, 3], [-1, 0.5f, 0]);

        var expected = Ops.Log(Ops.Softmax(logits));
        var actual = Ops.LogSoftmax(logits);

        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected.Data[i], actual.Data[i], 5);
    }

    [Fact]
    public void LogSoftmax_VeryNegativeGap_IsFiniteWhereLogOfSoftmaxIsNot()
    {
        // softmax gives exactly 0 for the first entry in float, log 0 = −∞; log-softmax gives −200
        var logits = Matrix.FromRow(-200, 0);

        float[] logSoftmax = new float[2];
        Ops.LogSoftmax(logits.Row(0), logSoftmax);

        Assert.Equal(-200f, logSoftmax[0], 3);
        Assert.Equal(float.NegativeInfinity, Ops.Log(Ops.Softmax(logits))[0, 0]);
    }

    [Fact]
    public void Softmax_EmptySpan_ThrowsNamingX()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.Softmax(ReadOnlySpan<float>.Empty, new float[1]));

        Assert.Equal("x", ex.ParamName);
    }

    [Fact]
    public void Softmax_ShortDestination_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.Softmax(new float[3], new float[2]));

        Assert.Contains("Destination is too short.", ex.Message);
    }

    [Fact]
    public void Softmax_NoColumns_ThrowsNamingShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.Softmax(new Matrix(2, 0)));

        Assert.Contains("logits (2, 0)", ex.Message);
    }

    [Fact]
    public void Softmax_DestinationShapeDiffers_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.Softmax(new Matrix(2, 3), new Matrix(3, 2)));

        Assert.Equal("Softmax: expected logits and destination to have the same shape. Received: logits (2, 3), destination (3, 2).", ex.Message.Split(" (Parameter")[0]);
    }
}
