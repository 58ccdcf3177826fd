using System.Text.RegularExpressions;
using NotebookMnist.Plotting;

namespace NotebookMnist.Tests.Plotting;

public class ImagesTests
{
    /// <summary>n images of 28×28 where image k has a bright k-th row and is dark elsewhere.</summary>
    internal static Matrix StripedImages(int n)
    {
        var images = new Matrix(n, 784);
        for (int k = 0; k < n; k++)
            for (int c = 0; c < 28; c++) images[k, (k % 28) * 28 + c] = 1f;
        return images;
    }

    [Fact]
    public void ShowImages_TwoByNine_HtmlTableOfEighteenPngsWithTitles()
    {
        string[] titles = Enumerable.Range(0, 18).Select(i => $"class {i}").ToArray();
        var grid = Images.ShowImages(StripedImages(18), 2, 9, titles);

        string html = grid.ToHtml();

        Assert.Equal(2, Regex.Matches(html, "<tr>").Count);
        Assert.Equal(18, Regex.Matches(html, "<img src=\"data:image/png;base64,").Count);
        Assert.All(titles, t => Assert.Contains($">{t}</div>", html));
    }

    [Fact]
    public void ShowImages_Scale15_UpscalesByThreeToViridisPixels()
    {
        var grid = Images.ShowImages(StripedImages(2), 1, 2);
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
        var grid = Images.ShowImages(StripedImages(3), 1, 3, scale: 28.0 / 72, colormap: Colormap.Gray);
        var image = PngTestDecoder.Decode(grid.ToPng());

        Assert.Equal((3 * 28 + 2 * 4, 28), (image.Width, image.Height));
        // Image 2 (x offset 64) is white on row 2 and black on row 0; the 4-pixel gaps are white.
        Assert.Equal(255, image.Pixels[(2 * image.Width + 64) * 3]);
        Assert.Equal(0, image.Pixels[(0 * image.Width + 64) * 3]);
        Assert.Equal(255, image.Pixels[(0 * image.Width + 29) * 3]);
    }

    [Fact]
    public void ShowImages_FewerImagesThanCells_LeavesCellsEmpty()
    {
        var grid = Images.ShowImages(StripedImages(3), 2, 2);

        Assert.Equal(3, grid.Pngs.Count);
        Assert.Equal(3, Regex.Matches(grid.ToHtml(), "<img ").Count);
    }

    [Fact]
    public void ShowImages_WrongColumnCount_ThrowsWithShape()
    {
        var error = Assert.Throws<ArgumentException>(() => Images.ShowImages(new Matrix(2, 100), 1, 2));

        Assert.Contains("784 columns", error.Message);
        Assert.Contains("(2, 100)", error.Message);
    }

    [Fact]
    public void ShowPredictions_SixImages_TrueOverPredictedTitlesAndWrongInRed()
    {
        string[] truth = ["ankle boot", "pullover", "trouser", "trouser", "shirt", "trouser", "bag"];
        string[] predicted = ["ankle boot", "pullover", "trouser", "dress", "shirt", "trouser", "bag"];
        var grid = Images.ShowPredictions(StripedImages(7), truth, predicted);

        string html = grid.ToHtml();

        Assert.Equal((1, 6, 6), (grid.Rows, grid.Cols, grid.Pngs.Count));
        Assert.Equal("trouser\ndress", grid.Titles[3]);
        Assert.Contains(">trouser<br>dress</div>", html);
        Assert.Equal([false, false, false, true, false, false], grid.Wrong);
        Assert.Single(Regex.Matches(html, "color:#d62728"));
    }

    [Fact]
    public void ToHtml_TitleWithMarkup_IsEncoded()
    {
        var grid = Images.ShowImages(StripedImages(1), 1, 1, ["<b>&"]);

        Assert.Contains("&lt;b&gt;&amp;", grid.ToHtml());
        Assert.DoesNotContain("<b>&", grid.ToHtml());
    }
}
