namespace NotebookMnist.Charts;

/// <summary>A plotly.js title in object form, <c>{"text": …}</c> (plotly.js 3 no longer accepts a bare string).</summary>
public sealed class PlotlyTitle
{
    /// <summary>Creates a title with the given text.</summary>
    public PlotlyTitle(string text) => Text = text;

    /// <summary>The title text (plotly.js accepts a little HTML such as <c>&lt;br&gt;</c>).</summary>
    public string Text { get; set; }

    /// <summary>Lets a plain string be used wherever a title is expected.</summary>
    public static implicit operator PlotlyTitle?(string? text) => text is null ? null : new PlotlyTitle(text);
}
