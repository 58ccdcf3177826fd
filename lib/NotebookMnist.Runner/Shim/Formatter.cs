using NotebookMnist.Runner.Formatting;

namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>Stand-in for .NET Interactive's <c>Formatter</c>: custom formatters and preferred mime types.</summary>
public static class Formatter
{
    /// <summary>How many items of a sequence are shown before "(N more)"; 20 by default.</summary>
    public static int ListExpansionLimit { get; set; } = 20;

    /// <summary>How deep nested objects are expanded before falling back to plain text; 6 by default.</summary>
    public static int RecursionLimit { get; set; } = 6;

    /// <summary>The mime type used for types with no preference: <c>text/html</c>.</summary>
    public static string DefaultMimeType { get; set; } = HtmlFormatter.MimeType;

    /// <summary>Registers a formatter that turns a <typeparamref name="T"/> into text of the given mime type.</summary>
    public static void Register<T>(Func<T, string> formatter, string mimeType = PlainTextFormatter.MimeType) =>
        FormatterRegistry.Add(typeof(T), mimeType, (value, writer) => writer.Write(formatter((T)value)));

    /// <summary>Registers a formatter that writes a <typeparamref name="T"/> as the given mime type.</summary>
    public static void Register<T>(Action<T, TextWriter> formatter, string mimeType = PlainTextFormatter.MimeType) =>
        FormatterRegistry.Add(typeof(T), mimeType, (value, writer) => formatter((T)value, writer));

    /// <summary>Registers a formatter for a runtime type (and its subtypes) and a mime type.</summary>
    public static void Register(Type type, Action<object, TextWriter> formatter, string mimeType = PlainTextFormatter.MimeType) =>
        FormatterRegistry.Add(type, mimeType, formatter);

    /// <summary>Sets the mime types a display of <paramref name="type"/> uses, richest first.</summary>
    public static void SetPreferredMimeTypesFor(Type type, params string[] preferredMimeTypes) =>
        FormatterRegistry.SetPreferred(type, preferredMimeTypes);

    /// <summary>The mime types a display of <paramref name="type"/> uses.</summary>
    public static IReadOnlyList<string> GetPreferredMimeTypesFor(Type? type) => FormatterRegistry.PreferredFor(type);

    /// <summary>Forgets every registration and restores the default limits.</summary>
    public static void ResetToDefault()
    {
        FormatterRegistry.Clear();
        ListExpansionLimit = 20;
        RecursionLimit = 6;
        DefaultMimeType = HtmlFormatter.MimeType;
    }

    /// <summary>Formats a value as text of the given mime type.</summary>
    public static string ToDisplayString(this object? value, string mimeType = PlainTextFormatter.MimeType) =>
        ValueFormatter.Format(value, mimeType);

    /// <summary>Writes a value formatted as the given mime type.</summary>
    public static void FormatTo<T>(this T value, TextWriter writer, string mimeType = PlainTextFormatter.MimeType) =>
        writer.Write(ValueFormatter.Format(value, mimeType));
}
