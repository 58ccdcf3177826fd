using System.Text.Json;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookMnist.Runner.Formatting;

/// <summary>Turns a value into a mime bundle: user formatters, then convention formatters, then the built-ins.</summary>
internal static class ValueFormatter
{
    /// <summary>Formats the value once per mime type; with no mime types, uses its preferred ones.</summary>
    public static IReadOnlyDictionary<string, string> FormatBundle(object? value, IReadOnlyList<string>? mimeTypes)
    {
        var bundle = new Dictionary<string, string>(StringComparer.Ordinal);
        if ((mimeTypes is null || mimeTypes.Count == 0) && value is FormattedValue formatted)
        {
            bundle[formatted.MimeType] = formatted.Value;
            return bundle;
        }
        var mimes = mimeTypes is { Count: > 0 } ? mimeTypes : PreferredFor(value);
        foreach (var mime in mimes) bundle[mime] = Format(value, mime);
        return bundle;
    }

    /// <summary>Formats the value as one mime type.</summary>
    public static string Format(object? value, string mimeType)
    {
        if (value is RawMimeValue raw && raw.MimeType == mimeType) return raw.Text;
        if (value is HtmlString html && mimeType == HtmlFormatter.MimeType) return html.Value;
        var custom = TryCustom(value, mimeType);
        if (custom is not null) return custom;
        return mimeType switch
        {
            HtmlFormatter.MimeType => HtmlValueFormatter.FormatTopLevel(value),
            PlainTextFormatter.MimeType => PlainTextValueFormatter.Format(value),
            _ when mimeType.Contains("json", StringComparison.Ordinal) => JsonText(value),
            _ => PlainTextValueFormatter.Format(value),
        };
    }

    /// <summary>A user-registered or convention formatter's text, or null when neither applies.</summary>
    public static string? TryCustom(object? value, string mimeType)
    {
        if (value is null) return null;
        var registered = FormatterRegistry.Find(value.GetType(), mimeType);
        if (registered is not null)
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            registered(value, writer);
            return writer.ToString();
        }
        return FormatterSourceConvention.TryFormat(value, mimeType);
    }

    private static IReadOnlyList<string> PreferredFor(object? value) => value switch
    {
        RawMimeValue raw => [raw.MimeType],
        HtmlString => [HtmlFormatter.MimeType],
        _ => FormatterRegistry.PreferredFor(value?.GetType()),
    };

    private static string JsonText(object? value)
    {
        if (value is string text) return text;
        try { return JsonSerializer.Serialize(value); }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException)
        {
            return JsonSerializer.Serialize(PlainTextValueFormatter.Format(value));
        }
    }
}
