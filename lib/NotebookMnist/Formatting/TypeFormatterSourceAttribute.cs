namespace NotebookMnist.Formatting;

/// <summary>
/// Names the formatter source that shows a library type in a notebook.
/// </summary>
/// <remarks>
/// This is .NET Interactive's convention-based formatter discovery (the one TorchSharp uses): the kernel looks for an
/// attribute whose class is <em>named</em> <c>TypeFormatterSourceAttribute</c>, creates
/// <see cref="FormatterSourceType"/>, calls its <c>CreateTypeFormatters()</c>, and uses each returned object's
/// <c>MimeType</c> property and <c>bool Format(object, TextWriter)</c> method. VS Code's real kernel and our runner
/// both follow it, so the library needs no reference to either.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
public sealed class TypeFormatterSourceAttribute : Attribute
{
    /// <summary>Points at the type whose <c>CreateTypeFormatters()</c> returns the formatters.</summary>
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    /// <summary>The formatter source type (must have a public parameterless constructor).</summary>
    public Type FormatterSourceType { get; }

    /// <summary>The mime types a display of the type uses, richest first.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
