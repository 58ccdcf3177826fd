using NotebookMnist.Data;

namespace NotebookMnist.Tests.Data;

public class ImageResizeTests
{
    [Fact]
    public void Bilinear_2x2To4x4_MatchesHandComputedValues()
    {
        // Output centres sample input x = −0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1), the same for y.
        // Row 0 = [0, 1] interpolated: 0, .25, .75, 1; row 1 = [2, 3]: 2, 2.25, 2.75, 3; rows mix with .25 / .75.
        var image = Matrix.FromRow(0, 1, 2, 3);
        Matrix result = ImageResize.Bilinear(image, 2, 2, 4, 4);
        Assert.Equal(new[]
        {
            0f, 0.25f, 0.75f, 1f,
            0.5f, 0.75f, 1.25f, 1.5f,
            1.5f, 1.75f, 2.25f, 2.5f,
            2f, 2.25f, 2.75f, 3f,
        }, result.Data);
    }

    [Fact]
    public void Bilinear_4x4To2x2_AveragesEachBlock()
    {
        // Output centres fall at input 0.5 and 2.5: exactly between four pixels.
        var image = Matrix.FromRow([.. Enumerable.Range(0, 16).Select(i => (float)i)]);
        Assert.Equal(new[] { 2.5f, 4.5f, 10.5f, 12.5f }, ImageResize.Bilinear(image, 4, 4, 2, 2).Data);
    }

    [Fact]
    public void Bilinear_SameSize_ReturnsSameValuesAsNewMatrix()
    {
        var images = Matrix.FromRows([1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]);
        Matrix result = ImageResize.Bilinear(images, 2, 3, 2, 3);
        Assert.NotSame(images.Data, result.Data);
        Assert.Equal(images.Data, result.Data);
    }

    [Fact]
    public void Bilinear_Batch32To64_GivesD2lShape()
    {
        var batch = new Matrix(32, 784);
        Matrix resized = ImageResize.Bilinear(batch, 64);
        Assert.Equal((32, 4096), resized.Shape);
        Assert.Equal((32, 1, 64, 64), ImageResize.NchwShape(resized, 64, 64));
        Assert.Equal("(32, 1, 64, 64)", ImageResize.NchwShape(resized, 64, 64).ToString());
    }

    [Fact]
    public void Bilinear_WrongColumns_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageResize.Bilinear(new Matrix(2, 10), 3, 3, 6, 6));
        Assert.StartsWith("Expected `images` of shape (n, 3 × 3). Received: images.Shape=(2, 10).", e.Message);
        Assert.Throws<ArgumentException>(() => ImageResize.Bilinear(new Matrix(2, 10), 64));
    }
}
