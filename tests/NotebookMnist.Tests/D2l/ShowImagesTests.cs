using System.Text.RegularExpressions;
using static TorchSharp.torch;

namespace NotebookMnist.Tests.Charts;

public class ShowImagesTests
{
    /// <summary>n float32 images of shape (n, 28, 28) where image k has a bright k-th row and is dark elsewhere.</summary>
    internal static Tensor StripedImages(int n)
    {
        var images = new float[n * 784];
        for (int k = 0; k < n; k++)
            for (int c = 0; c < 28; c++) images[k * 784 + (k % 28) * 28 + c] = 1f;
        return tensor(images).reshape(n, 28, 28);
    }

    [Fact]
    public void ShowImages_TwoByNine_HtmlTableOfEighteenPngsWithTitles()
    {
        string[] titles = Enumerable.Range(0, 18).Select(i => $"class {i}").ToArray();
        var grid = NotebookMnist.D2l.D2l.ShowImages(StripedImages(18), 2, 9, titles);

        string html = grid.ToHtml();

        Assert.Equal(2, Regex.Matches(html, "<tr>").Count);
        Assert.Equal(18, Regex.Matches(html, "<img src=\"data:image/png;base64,").Count);
        Assert.All(titles, t => Assert.Contains($">{t}</div>", html));
    }

    [Fact]
    public void ShowImages_Scale15_UpscalesByThreeToViridisPixels()
    {
        var grid = NotebookMnist.D2l.D2l.ShowImages(StripedImages(2), 1, 2);
        var image = PngTestDecoder.Decode(grid.Pngs[1]);

        Assert.Equal((84, 84, 2), (image.Width, image.Height, image.ColorType));
        // Image 1 is bright on source row 1, i.e. output rows 3..5; dark (viridis low end) elsewhere.
        Assert.Equal(new byte[] { 0xFD, 0xE7, 0x25 }, image.Pixels.AsSpan((4 * 84 + 50) * 3, 3).ToArray());
        Assert.Equal(new byte[] { 0x44, 0x01, 0x54 }, image.Pixels.AsSpan((6 * 84 + 50) * 3, 3).ToArray());
        Assert.Contains("width=\"84\" height=\"84\"", grid.ToHtml());
    }

    [Fact]
    public void ToPng_Grid_HoldsEveryImageAtItsCell()
    {
        var grid = NotebookMnist.D2l.D2l.ShowImages(StripedImages(3), 1, 3, scale: 28.0 / 72);
        var image = PngTestDecoder.Decode(grid.ToPng());

        Assert.Equal((3 * 28 + 2 * 4, 28), (image.Width, image.Height));
        // Image 2 (x offset 64) is viridis-high (#FDE725) on row 2 and viridis-low (#440154) on row 0; the 4-pixel gaps are white.
        Assert.Equal(0xFD, image.Pixels[(2 * image.Width + 64) * 3]);
        Assert.Equal(0x44, image.Pixels[(0 * image.Width + 64) * 3]);
        Assert.Equal(255, image.Pixels[(0 * image.Width + 29) * 3]);
    }

    [Fact]
    public void ShowImages_FewerImagesThanCells_LeavesCellsEmpty()
    {
        var grid = NotebookMnist.D2l.D2l.ShowImages(StripedImages(3), 2, 2);

        Assert.Equal(3, grid.Pngs.Count);
        Assert.Equal(3, Regex.Matches(grid.ToHtml(), "<img ").Count);
    }

    [Fact]
    public void ShowImages_FlatRows_ThrowsWithShape()
    {
        using var flat = zeros(2, 784);
        var error = Assert.Throws<ArgumentException>(() => NotebookMnist.D2l.D2l.ShowImages(flat, 1, 2));

        Assert.Contains("(n, height, width) or (n, 1, height, width)", error.Message);
        Assert.Contains("[2, 784]", error.Message);
    }

    [Fact]
    public void ShowImages_Uint8WithChannel_SameImagesAsFloatPixels()
    {
        // d2l's batches are (B, 1, 28, 28) float32 = b/255; raw splits are uint8 (N, 28, 28). Both show the same.
        using var floats = StripedImages(2);
        using var bytes = (floats * 255).to_type(ScalarType.Byte).reshape(2, 1, 28, 28);

        var fromFloats = NotebookMnist.D2l.D2l.ShowImages(floats, 1, 2);
        var fromBytes = NotebookMnist.D2l.D2l.ShowImages(bytes, 1, 2);

        Assert.Equal(fromFloats.Pngs, fromBytes.Pngs);
    }

    [Fact]
    public void ShowImages_PredictCh3Titles_TrueOverPredicted()
    {
        string[] titles = ["ankle boot\nankle boot", "trouser\ndress"];
        var grid = NotebookMnist.D2l.D2l.ShowImages(StripedImages(2), 1, 2, titles);

        Assert.Equal("trouser\ndress", grid.Titles[1]);
        Assert.Contains(">trouser<br>dress</div>", grid.ToHtml());
    }

    [Fact]
    public void ToHtml_TitleWithMarkup_IsEncoded()
    {
        var grid = NotebookMnist.D2l.D2l.ShowImages(StripedImages(1), 1, 1, ["<b>&"]);

        Assert.Contains("&lt;b&gt;&amp;", grid.ToHtml());
        Assert.DoesNotContain("<b>&", grid.ToHtml());
    }
}
