using System.Text.Json.Serialization;

namespace NotebookMnist.Charts;

/// <summary>The plotly.js layout: title, size, legend, axes and subplot placement.</summary>
public sealed class PlotlyLayout
{
    /// <summary>The figure title.</summary>
    public PlotlyTitle? Title { get; set; }

    /// <summary>The width in pixels (null: fill the container).</summary>
    public int? Width { get; set; }

    /// <summary>The height in pixels.</summary>
    public int? Height { get; set; }

    /// <summary>Whether the legend is shown.</summary>
    public bool? ShowLegend { get; set; }

    /// <summary>Legend placement.</summary>
    public PlotlyLegend? Legend { get; set; }

    /// <summary>Margins around the plotting area.</summary>
    public PlotlyMargin? Margin { get; set; }

    /// <summary>Text labels, e.g. subplot titles.</summary>
    public List<PlotlyAnnotation>? Annotations { get; set; }

    /// <summary>The axes by layout key ("xaxis", "yaxis", "xaxis2", …), written as top-level layout members.</summary>
    /// <remarks>Use <see cref="XAxis"/> and <see cref="YAxis"/> rather than this dictionary.</remarks>
    [JsonExtensionData]
    public Dictionary<string, object> Axes { get; } = new(StringComparer.Ordinal);

    /// <summary>The x axis of subplot <paramref name="index"/> (1-based), created on first use.</summary>
    public PlotlyAxis XAxis(int index = 1) => Axis("xaxis" + PlotlyAxis.Suffix(index));

    /// <summary>The y axis of subplot <paramref name="index"/> (1-based), created on first use.</summary>
    public PlotlyAxis YAxis(int index = 1) => Axis("yaxis" + PlotlyAxis.Suffix(index));

    /// <summary>Lays out a rows × cols grid of subplots, numbered row-major from the top left, with optional titles.</summary>
    /// <remarks>
    /// Each subplot i gets its own axes (xaxis{i} anchored to y{i} and back) with explicit domains;
    /// each title is a paper-referenced annotation centred above its subplot.
    /// </remarks>
    public PlotlyLayout Subplots(
        int rows, int cols, IReadOnlyList<string>? titles = null, double horizontalSpacing = 0.08, double verticalSpacing = 0.15)
    {
        if (rows < 1 || cols < 1)
            throw new ArgumentOutOfRangeException(
                nameof(rows), $"Expected `rows` and `cols` to be positive. Received: rows={rows}, cols={cols}.");
        double width = (1 - (cols - 1) * horizontalSpacing) / cols;
        double height = (1 - (rows - 1) * verticalSpacing) / rows;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                int index = r * cols + c + 1;
                double x0 = c * (width + horizontalSpacing), y1 = 1 - r * (height + verticalSpacing);
                PlaceSubplot(index, [x0, x0 + width], [y1 - height, y1]);
                if (titles is not null && index <= titles.Count)
                    AddSubplotTitle(titles[index - 1], x0 + width / 2, y1);
            }
        }
        return this;
    }

    private void PlaceSubplot(int index, double[] xDomain, double[] yDomain)
    {
        var x = XAxis(index);
        x.Domain = xDomain;
        x.Anchor = PlotlyAxis.YRef(index);
        var y = YAxis(index);
        y.Domain = yDomain;
        y.Anchor = PlotlyAxis.XRef(index);
    }

    private void AddSubplotTitle(string text, double x, double y)
    {
        (Annotations ??= []).Add(new PlotlyAnnotation
        {
            Text = text, X = x, Y = y, XRef = "paper", YRef = "paper",
            XAnchor = "center", YAnchor = "bottom", ShowArrow = false,
        });
    }

    private PlotlyAxis Axis(string key)
    {
        if (Axes.TryGetValue(key, out var existing) && existing is PlotlyAxis axis) return axis;
        axis = new PlotlyAxis();
        Axes[key] = axis;
        return axis;
    }
}
