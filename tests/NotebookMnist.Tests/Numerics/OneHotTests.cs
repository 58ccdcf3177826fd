using NotebookMnist;

namespace NotebookMnist.Tests;

public class OneHotTests
{
    [Fact]
    public void OneHot_Labels_HaveSingleOneAtLabel()
    {
        var m = Ops.OneHot([0, 2, 1], 3);

        Assert.Equal((3, 3), m.Shape);
        Assert.Equal([1f, 0, 0, 0, 0, 1, 0, 1, 0], m.Data);
    }

    [Fact]
    public void OneHot_Destination_IsClearedFirst()
    {
        var destination = Matrix.FromRows([9, 9], [9, 9]);

        Ops.OneHot([1, 0], 2, destination);

        Assert.Equal([0f, 1, 1, 0], destination.Data);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void OneHot_LabelOutOfRange_ThrowsNamingIndexAndValue(int bad)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Ops.OneHot([0, bad], 3));

        Assert.Equal("labels", ex.ParamName);
        Assert.Contains($"Expected every label in [0, 3). Received: labels[1]={bad}.", ex.Message);
    }

    [Fact]
    public void OneHot_ZeroClasses_ThrowsNamingNumClasses()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Ops.OneHot([0], 0));

        Assert.Contains("Expected `numClasses` to be a positive integer. Received: numClasses=0.", ex.Message);
    }

    [Fact]
    public void OneHot_WrongDestinationShape_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ops.OneHot([0, 1], 3, new Matrix(3, 2)));

        Assert.Contains("destination (3, 2)", ex.Message);
    }
}
