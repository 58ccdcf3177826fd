using NotebookMnist.Charts;

namespace NotebookMnist.D2l;

/// <summary>Shows an <see cref="Animator"/> as its current figure, so leaving one as a cell's value draws it.</summary>
public sealed class AnimatorFormatterSource
{
    /// <summary>The figure's formatters, applied to <see cref="Animator.Figure"/>.</summary>
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new MimeFormatter(typeof(Animator), PlotlyFigure.MimeType, a => ((Animator)a).Figure.ToJson());
        yield return new MimeFormatter(typeof(Animator), "text/html", a => ((Animator)a).Figure.ToHtml());
        yield return new MimeFormatter(typeof(Animator), "text/plain", a => ((Animator)a).Figure.ToString());
    }
}
