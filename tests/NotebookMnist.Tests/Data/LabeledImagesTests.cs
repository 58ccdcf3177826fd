using NotebookMnist.Data;

namespace NotebookMnist.Tests.Data;

public class LabeledImagesTests
{
    [Fact]
    public void TextLabel_ReturnsClassNameOfLabel()
    {
        var data = new LabeledImages(new Matrix(2, 4), [9, 0], 2, 2, FashionMnist.ClassNames);
        Assert.Equal("ankle boot", data.TextLabel(0));
        Assert.Equal("t-shirt", data.TextLabel(1));
        Assert.Equal("2 images of 2×2, 10 classes", data.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => data.TextLabel(2));
    }

    [Fact]
    public void Constructor_ShapeMismatch_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new LabeledImages(new Matrix(2, 5), [0, 1], 2, 2, ["a", "b"]));
        Assert.StartsWith("Expected `images` of shape (n, height × width) = (n, 2 × 2). Received: images.Shape=(2, 5).", e.Message);
        Assert.Throws<ArgumentException>(() => new LabeledImages(new Matrix(2, 4), [0], 2, 2, ["a", "b"]));
        var label = Assert.Throws<ArgumentException>(() => new LabeledImages(new Matrix(2, 4), [0, 2], 2, 2, ["a", "b"]));
        Assert.StartsWith("Expected labels in [0, 2) (one per class name). Received: labels[1]=2.", label.Message);
    }
}
