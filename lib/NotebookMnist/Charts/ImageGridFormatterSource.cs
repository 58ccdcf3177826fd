namespace NotebookMnist.Charts;

/// <summary>The formatter source named by <see cref="ImageGrid"/>'s <c>TypeFormatterSource</c> attribute.</summary>
public sealed class ImageGridFormatterSource
{
    /// <summary>The HTML table, the whole-grid PNG (base64 text, as notebooks store image/png) and a text summary.</summary>
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new MimeFormatter(typeof(ImageGrid), "text/html", g => ((ImageGrid)g).ToHtml());
        yield return new MimeFormatter(typeof(ImageGrid), "image/png", g => Convert.ToBase64String(((ImageGrid)g).ToPng()));
        yield return new MimeFormatter(typeof(ImageGrid), "text/plain", g => g.ToString() ?? "");
    }
}
