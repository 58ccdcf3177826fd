using System.Globalization;
using System.Net;
using System.Text;
using NotebookMnist.Formatting;

namespace NotebookMnist.Charts;

/// <summary>A grid of titled images, shown as an HTML table of PNGs with a single-PNG fallback.</summary>
/// <remarks>Made by <see cref="D2l.D2l.ShowImages"/>.</remarks>
[TypeFormatterSource(typeof(ImageGridFormatterSource), PreferredMimeTypes = new[] { "text/html", "image/png" })]
public sealed class ImageGrid
{
    private const int Gap = 4;
    private readonly IReadOnlyList<byte[]> _cells;

    internal ImageGrid(int rows, int cols, int cellWidth, int cellHeight, IReadOnlyList<byte[]> rgbCells,
        IReadOnlyList<string?> titles, IReadOnlyList<bool> wrong)
    {
        Rows = rows;
        Cols = cols;
        CellWidth = cellWidth;
        CellHeight = cellHeight;
        _cells = rgbCells;
        Titles = titles;
        Wrong = wrong;
        Pngs = rgbCells.Select(c => PngEncoder.EncodeRgb(c, cellWidth, cellHeight)).ToArray();
    }

    /// <summary>Number of grid rows.</summary>
    public int Rows { get; }

    /// <summary>Number of grid columns.</summary>
    public int Cols { get; }

    /// <summary>Width in pixels of each (upscaled) image.</summary>
    public int CellWidth { get; }

    /// <summary>Height in pixels of each (upscaled) image.</summary>
    public int CellHeight { get; }

    /// <summary>The title of each image (null for none); "\n" starts a new line.</summary>
    public IReadOnlyList<string?> Titles { get; }

    /// <summary>Whether each image is marked as a wrong prediction (title drawn in red).</summary>
    public IReadOnlyList<bool> Wrong { get; }

    /// <summary>Each image as a PNG file, row-major.</summary>
    public IReadOnlyList<byte[]> Pngs { get; }

    /// <summary>An HTML table with one cell per image: the PNG as a data URI and its title below.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<table class=\"notebook-mnist-images\" style=\"border-collapse:collapse\">\n");
        for (int r = 0; r < Rows; r++)
        {
            html.Append("<tr>");
            for (int c = 0; c < Cols; c++)
            {
                int i = r * Cols + c;
                html.Append("<td style=\"padding:2px 4px;text-align:center;vertical-align:top\">");
                if (i < Pngs.Count) AppendCell(html, i);
                html.Append("</td>");
            }
            html.Append("</tr>\n");
        }
        return html.Append("</table>").ToString();
    }

    private void AppendCell(StringBuilder html, int i)
    {
        string title = Titles[i] ?? "";
        html.Append(CultureInfo.InvariantCulture,
            $"<img src=\"data:image/png;base64,{Convert.ToBase64String(Pngs[i])}\" width=\"{CellWidth}\" height=\"{CellHeight}\" ");
        html.Append("alt=\"").Append(WebUtility.HtmlEncode(title.Replace('\n', ' '))).Append('"');
        html.Append(" style=\"display:block;margin:auto;image-rendering:pixelated\">");
        if (title.Length == 0) return;
        string color = Wrong[i] ? "color:#d62728;" : "";
        html.Append("<div style=\"font:12px sans-serif;").Append(color).Append("\">");
        html.Append(string.Join("<br>", title.Split('\n').Select(WebUtility.HtmlEncode))).Append("</div>");
    }

    /// <summary>The whole grid as one RGB PNG on white, images 4 pixels apart, titles omitted.</summary>
    public byte[] ToPng()
    {
        int width = Cols * CellWidth + (Cols - 1) * Gap, height = Rows * CellHeight + (Rows - 1) * Gap;
        var canvas = new byte[width * height * 3];
        Array.Fill(canvas, (byte)255);
        for (int i = 0; i < _cells.Count; i++)
        {
            int x0 = (i % Cols) * (CellWidth + Gap), y0 = (i / Cols) * (CellHeight + Gap);
            for (int y = 0; y < CellHeight; y++)
                _cells[i].AsSpan(y * CellWidth * 3, CellWidth * 3).CopyTo(canvas.AsSpan(((y0 + y) * width + x0) * 3));
        }
        return PngEncoder.EncodeRgb(canvas, width, height);
    }

    /// <summary>A one-line summary, e.g. "ImageGrid: 18 images in 2 × 9".</summary>
    public override string ToString() => $"ImageGrid: {Pngs.Count} images in {Rows} × {Cols}";
}
