using NotebookMnist.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Tests.Data;

public class LabeledImagesTests
{
    [Fact]
    public void TextLabel_ReturnsClassNameOfLabel()
    {
        var data = new LabeledImages(torch.zeros([2, 2, 3], ScalarType.Byte), torch.tensor(new long[] { 9, 0 }), FashionMnist.ClassNames);

        Assert.Equal("ankle boot", data.TextLabel(0));
        Assert.Equal("t-shirt", data.TextLabel(1));
        Assert.Equal((2, 2, 3), (data.Count, data.Height, data.Width));
        Assert.Equal("2 images of 2×3, 10 classes", data.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => data.TextLabel(2));
    }

    [Fact]
    public void Constructor_WrongDtypeOrShape_ThrowsNamingBoth()
    {
        var floats = Assert.Throws<ArgumentException>(() =>
            new LabeledImages(torch.zeros([2, 2, 2]), torch.tensor(new long[] { 0, 1 }), ["a", "b"]));
        Assert.StartsWith("Expected `images` to be a uint8 tensor (n, height, width). Received: images dtype=Float32, shape=(2, 2, 2).", floats.Message);

        var ints = Assert.Throws<ArgumentException>(() =>
            new LabeledImages(torch.zeros([2, 2, 2], ScalarType.Byte), torch.tensor(new int[] { 0, 1 }), ["a", "b"]));
        Assert.StartsWith("Expected `labels` to be an int64 tensor (n). Received: labels dtype=Int32, shape=(2).", ints.Message);

        var count = Assert.Throws<ArgumentException>(() =>
            new LabeledImages(torch.zeros([2, 2, 2], ScalarType.Byte), torch.tensor(new long[] { 0 }), ["a", "b"]));
        Assert.StartsWith("Expected one label per image (2). Received: labels shape=(1).", count.Message);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void Constructor_LabelOutOfRange_ThrowsNamingIndexAndValue(long bad)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new LabeledImages(torch.zeros([3, 2, 2], ScalarType.Byte), torch.tensor(new long[] { 0, 1, bad }), ["a", "b"]));

        Assert.StartsWith($"Expected labels in [0, 2) (one per class name). Received: labels[2]={bad}.", e.Message);
    }

    [Fact]
    public void Constructor_InsideADisposeScope_TensorsOutliveTheScope()
    {
        LabeledImages data;
        using (torch.NewDisposeScope())
            data = new LabeledImages(torch.ones([1, 2, 2], ScalarType.Byte), torch.tensor(new long[] { 1 }), ["a", "b"]);

        Assert.False(data.Images.IsInvalid);
        Assert.Equal(4L, data.Images.sum().item<long>());
        Assert.Equal("b", data.TextLabel(0));
    }
}
