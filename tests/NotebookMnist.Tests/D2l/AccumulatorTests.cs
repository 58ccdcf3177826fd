using NotebookMnist.D2l;

namespace NotebookMnist.Tests.D2l;

public class AccumulatorTests
{
    [Fact]
    public void Add_TwoBatches_SumsEachSlot()
    {
        var metric = new Accumulator(3);

        metric.Add(1.5, 30, 32);
        metric.Add(0.5, 10, 16);

        Assert.Equal(3, metric.Count);
        Assert.Equal(2.0, metric[0]);
        Assert.Equal(40.0, metric[1]);
        Assert.Equal(48.0, metric[2]);
        Assert.Equal(40.0 / 48.0, metric[1] / metric[2]);
    }

    [Fact]
    public void Reset_SetsEverySlotToZero()
    {
        var metric = new Accumulator(2);
        metric.Add(4, 5);

        metric.Reset();

        Assert.Equal(0.0, metric[0]);
        Assert.Equal(0.0, metric[1]);
        Assert.Equal("Accumulator(0, 0)", metric.ToString());
    }

    [Fact]
    public void Add_WrongCount_ThrowsNamingCounts()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Accumulator(2).Add(1, 2, 3));

        Assert.Contains("Expected 2 values, one per sum. Received: 3.", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Constructor_NonPositiveN_ThrowsNamingN(int n)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Accumulator(n));

        Assert.Contains($"Expected `n` to be a positive integer. Received: n={n}.", ex.Message);
    }

    [Fact]
    public void Indexer_OutOfRange_ThrowsNamingIndex()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Accumulator(2)[2]);

        Assert.Equal("i", ex.ParamName);
    }
}
