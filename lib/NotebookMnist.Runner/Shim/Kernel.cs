using Microsoft.DotNet.Interactive.Formatting;
using NotebookMnist.Runner.Execution;

namespace Microsoft.DotNet.Interactive;

/// <summary>
/// Stand-in for .NET Interactive's kernel helpers; every notebook gets <c>using static Microsoft.DotNet.Interactive.Kernel;</c>.
/// </summary>
/// <remarks>Because the helpers come from a <c>using static</c>, they work inside user classes and static methods.</remarks>
public static class Kernel
{
    /// <summary>Shows a value in the running cell's outputs, with its preferred or the given mime types.</summary>
    public static DisplayedValue display(object? value, params string[] mimeTypes) =>
        DisplayedValue.Show(value, mimeTypes);

    /// <summary>Wraps markup so it is shown as raw <c>text/html</c>.</summary>
    public static HtmlString HTML(string content) => new(content);

    /// <summary>Wraps a style sheet as <c>text/html</c> (a <c>style</c> element).</summary>
    public static HtmlString CSS(string content) => new($"<style>{content}</style>");

    /// <summary>Wraps a script as <c>text/html</c> (a <c>script</c> element).</summary>
    public static HtmlString Javascript(string scriptContent) =>
        new($"<script type=\"text/javascript\">{scriptContent}</script>");
}
