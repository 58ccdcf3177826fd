namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>One formatted representation of a value: a mime type and its text.</summary>
public sealed class FormattedValue(string mimeType, string value)
{
    /// <summary>The mime type, e.g. <c>text/html</c>.</summary>
    public string MimeType { get; } = mimeType;

    /// <summary>The formatted text (base64 for images).</summary>
    public string Value { get; } = value;

    /// <summary>Formats a value once per mime type (its preferred mime types when none are given).</summary>
    public static IReadOnlyList<FormattedValue> CreateManyFromObject(object? value, params string[] mimeTypes) =>
        NotebookMnist.Runner.Formatting.ValueFormatter.FormatBundle(value, mimeTypes)
            .Select(pair => new FormattedValue(pair.Key, pair.Value)).ToList();

    /// <summary>Formats a value with one mime type (its first preferred mime type when none is given).</summary>
    public static FormattedValue CreateSingleFromObject(object? value, string? mimeType = null) =>
        CreateManyFromObject(value, mimeType is null ? [] : [mimeType])[0];
}
