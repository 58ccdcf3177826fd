namespace NotebookMnist.Charts;

/// <summary>An image trace: a picture given as a data URI (plotly.js reverses the y axis and keeps pixels square).</summary>
public sealed class ImageTrace : PlotlyTrace
{
    /// <summary>Always "image".</summary>
    public override string Type => "image";

    /// <summary>The image as a data URI, e.g. "data:image/png;base64,…".</summary>
    public string? Source { get; set; }

    /// <summary>An image trace showing the given PNG bytes.</summary>
    public static ImageTrace FromPng(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        return new ImageTrace { Source = "data:image/png;base64," + Convert.ToBase64String(png) };
    }
}
