using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace System;

/// <summary>The <c>.Display()</c> family of .NET Interactive, in namespace <c>System</c> so every notebook sees it.</summary>
public static class DisplayExtensions
{
    /// <summary>Shows a value in the running cell's outputs, with its preferred or the given mime types.</summary>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) =>
        Kernel.display(value, mimeTypes);

    /// <summary>Shows a string verbatim under the given mime type, e.g. <c>"&lt;b&gt;x&lt;/b&gt;".DisplayAs("text/html")</c>.</summary>
    public static DisplayedValue DisplayAs(this string value, string mimeType) =>
        Kernel.display(new NotebookMnist.Runner.Formatting.RawMimeValue(mimeType, value), mimeType);

    /// <summary>Shows a sequence as a column table: one column per public property or field.</summary>
    public static DisplayedValue DisplayTable<T>(this IEnumerable<T> source, params string[] mimeTypes) =>
        Kernel.display(new HtmlString(NotebookMnist.Runner.Formatting.ColumnTable.ToHtml(source)));
}
