using NotebookMnist.Charts;

namespace NotebookMnist.Tests.Charts;

public class ColormapTests
{
    [Fact]
    public void Viridis_Ends_AreMatplotlibsFirstAndLastColours()
    {
        Assert.Equal(((byte)0x44, (byte)0x01, (byte)0x54), Colormap.Viridis.Map(0));
        Assert.Equal(((byte)0xFD, (byte)0xE7, (byte)0x25), Colormap.Viridis.Map(1));
    }

    [Fact]
    public void Viridis_Middle_IsTheTealAnchor()
    {
        // matplotlib's viridis(0.5) is #21918c; the 0.5 anchor here is #21908c.
        var (r, g, b) = Colormap.Viridis.Map(0.5);
        Assert.Equal((0x21, 0x90, 0x8C), ((int)r, (int)g, (int)b));
    }

    [Fact]
    public void Gray_Halfway_InterpolatesLinearly()
    {
        Assert.Equal(((byte)128, (byte)128, (byte)128), Colormap.Gray.Map(0.5));
        Assert.Equal(((byte)64, (byte)64, (byte)64), Colormap.Gray.Map(0.25));
    }

    [Fact]
    public void Map_OutOfRangeOrNaN_Clamps()
    {
        Assert.Equal(Colormap.Gray.Map(0), Colormap.Gray.Map(-3));
        Assert.Equal(Colormap.Gray.Map(1), Colormap.Gray.Map(7));
        Assert.Equal(Colormap.Gray.Map(0), Colormap.Gray.Map(double.NaN));
    }
}
