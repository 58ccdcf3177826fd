namespace NotebookMnist.Charts;

/// <summary>The formatter source named by <see cref="PlotlyFigure"/>'s <c>TypeFormatterSource</c> attribute.</summary>
public sealed class PlotlyFigureFormatterSource
{
    /// <summary>The plotly JSON formatter and the HTML fallback.</summary>
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new MimeFormatter(typeof(PlotlyFigure), PlotlyFigure.MimeType, f => ((PlotlyFigure)f).ToJson());
        yield return new MimeFormatter(typeof(PlotlyFigure), "text/html", f => ((PlotlyFigure)f).ToHtml());
        yield return new MimeFormatter(typeof(PlotlyFigure), "text/plain", f => f.ToString() ?? "");
    }
}
