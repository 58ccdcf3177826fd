using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace NotebookMnist.Runner.Formatting;

/// <summary>
/// .NET Interactive's convention-based formatter discovery: an attribute class named <c>TypeFormatterSourceAttribute</c>
/// whose <c>FormatterSourceType</c> creates formatters with <c>MimeType</c> and <c>Format(object, TextWriter)</c>.
/// </summary>
internal static class FormatterSourceConvention
{
    private sealed record SourceFormatter(string MimeType, Type? Type, object Target, MethodInfo Format);

    private sealed record TypeInfo(string[]? Preferred, IReadOnlyList<SourceFormatter> Formatters);

    private static readonly ConcurrentDictionary<Type, TypeInfo> Cache = new();

    /// <summary>The attribute's <c>PreferredMimeTypes</c>, or null when the type has none.</summary>
    public static string[]? PreferredMimeTypes(Type type) => Cache.GetOrAdd(type, Discover).Preferred;

    /// <summary>Formats with the type's convention formatter for the mime, or returns null when there is none.</summary>
    public static string? TryFormat(object value, string mimeType)
    {
        foreach (var formatter in Cache.GetOrAdd(value.GetType(), Discover).Formatters)
        {
            if (formatter.MimeType != mimeType) continue;
            if (formatter.Type is not null && !formatter.Type.IsInstanceOfType(value)) continue;
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            var handled = formatter.Format.Invoke(formatter.Target, [value, writer]);
            if (handled is false) continue;
            return writer.ToString();
        }
        return null;
    }

    private static TypeInfo Discover(Type type)
    {
        string[]? preferred = null;
        var formatters = new List<SourceFormatter>();
        foreach (var attribute in type.GetCustomAttributes(inherit: true))
        {
            var attributeType = attribute.GetType();
            if (attributeType.Name != "TypeFormatterSourceAttribute") continue;
            preferred ??= attributeType.GetProperty("PreferredMimeTypes")?.GetValue(attribute) as string[];
            if (attributeType.GetProperty("FormatterSourceType")?.GetValue(attribute) is Type sourceType)
                formatters.AddRange(CreateFormatters(sourceType));
        }
        return new TypeInfo(preferred, formatters);
    }

    private static IEnumerable<SourceFormatter> CreateFormatters(Type sourceType)
    {
        var source = Activator.CreateInstance(sourceType)!;
        var created = sourceType.GetMethod("CreateTypeFormatters", Type.EmptyTypes)?.Invoke(source, null) as IEnumerable;
        foreach (var formatter in created ?? Array.Empty<object>())
        {
            var type = formatter.GetType();
            var format = type.GetMethod("Format", [typeof(object), typeof(TextWriter)]);
            if (type.GetProperty("MimeType")?.GetValue(formatter) is not string mime || format is null) continue;
            yield return new SourceFormatter(mime, type.GetProperty("Type")?.GetValue(formatter) as Type, formatter, format);
        }
    }
}
