namespace NotebookMnist.Tests;

public class CheckTests
{
    [Fact]
    public void Close_NumbersWithinTolerance_ReturnsTick()
    {
        Assert.StartsWith("✓ close", Check.Close(2.30258, Math.Log(10), 1e-4));
    }

    [Fact]
    public void Close_NumbersFarApart_ThrowsNamingBoth()
    {
        var e = Assert.Throws<CheckFailedException>(() => Check.Close(0.5, 0.6));
        Assert.Contains("Expected 0.6", e.Message);
        Assert.Contains("Received: 0.5", e.Message);
    }

    [Fact]
    public void Close_LargeNumbers_ToleranceIsRelative()
    {
        Check.Close(1000.005, 1000.0, 1e-5);
        Assert.Throws<CheckFailedException>(() => Check.Close(1000.02, 1000.0, 1e-5));
    }

    [Fact]
    public void Close_NaN_Throws()
    {
        Assert.Throws<CheckFailedException>(() => Check.Close(double.NaN, double.NaN));
        Assert.Throws<CheckFailedException>(() => Check.Close(new[] { float.NaN }, new[] { 1f }));
    }

    [Fact]
    public void Close_ArraysDifferInOneElement_ThrowsNamingIndex()
    {
        var e = Assert.Throws<CheckFailedException>(() => Check.Close(new[] { 1f, 2f, 3f }, new[] { 1f, 2f, 3.1f }));
        Assert.Contains("element [2]", e.Message);
    }

    [Fact]
    public void Close_ArraysOfDifferentLength_Throws()
    {
        var e = Assert.Throws<CheckFailedException>(() => Check.Close(new[] { 1f }, new[] { 1f, 2f }));
        Assert.Contains("Expected 2 values. Received: 1", e.Message);
    }

    [Fact]
    public void Close_NegativeTolerance_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Check.Close(1, 1, -1));
    }

    [Fact]
    public void Equal_DifferentValues_Throws()
    {
        Assert.Equal("✓ equal: 10", Check.Equal(10, 10));
        var e = Assert.Throws<CheckFailedException>(() => Check.Equal("(2, 3)", "(3, 2)"));
        Assert.Equal("Expected (3, 2). Received: (2, 3).", e.Message);
    }

    [Fact]
    public void SequenceEqual_DifferentElementOrLength_Throws()
    {
        Assert.Equal("✓ equal: [9, 0, 0, 3]", Check.SequenceEqual([9, 0, 0, 3], new[] { 9, 0, 0, 3 }));
        Assert.Contains("element [1]", Assert.Throws<CheckFailedException>(
            () => Check.SequenceEqual([9, 1], new[] { 9, 0 })).Message);
        Assert.Contains("Expected 3 elements", Assert.Throws<CheckFailedException>(
            () => Check.SequenceEqual([9, 0], new[] { 9, 0, 0 })).Message);
    }

    [Fact]
    public void True_FalseCondition_ThrowsWithDescription()
    {
        Assert.Equal("✓ train loss < 0.5", Check.True(0.45 < 0.5, "train loss < 0.5"));
        var e = Assert.Throws<CheckFailedException>(() => Check.True(0.55 < 0.5, "train loss < 0.5"));
        Assert.Equal("Expected train loss < 0.5. Received: false.", e.Message);
    }

    [Fact]
    public void Throws_ExpectedExceptionWithText_ReturnsMessage()
    {
        string result = Check.Throws<ArgumentException>(() => throw new ArgumentException("bad units"), "units");
        Assert.Equal("✓ threw ArgumentException: bad units", result);
    }

    [Fact]
    public void Throws_SubclassOfExpected_Passes()
    {
        Check.Throws<ArgumentException>(() => throw new ArgumentOutOfRangeException("x"));
    }

    [Fact]
    public void Throws_NothingThrown_Throws()
    {
        var e = Assert.Throws<CheckFailedException>(() => Check.Throws<ArgumentException>(() => { }));
        Assert.Equal("Expected ArgumentException. Received: no exception.", e.Message);
    }

    [Fact]
    public void Throws_OtherExceptionType_ThrowsNamingIt()
    {
        var e = Assert.Throws<CheckFailedException>(
            () => Check.Throws<ArgumentException>(() => throw new InvalidOperationException("nope")));
        Assert.Contains("Received: InvalidOperationException: nope", e.Message);
    }

    [Fact]
    public void Throws_MessageLacksText_Throws()
    {
        var e = Assert.Throws<CheckFailedException>(
            () => Check.Throws<ArgumentException>(() => throw new ArgumentException("bad"), "units"));
        Assert.Contains("containing \"units\"", e.Message);
    }
}
