using Markdig;

namespace NotebookMnist.Runner.Reports;

/// <summary>Markdown to HTML with Markdig's advanced extensions (tables, math spans, task lists…).</summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>Renders markdown text as HTML.</summary>
    public static string ToHtml(string markdown) => Markdig.Markdown.ToHtml(markdown, Pipeline);
}
