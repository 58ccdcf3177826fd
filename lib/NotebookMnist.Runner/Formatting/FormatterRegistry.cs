using System.Collections.Concurrent;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookMnist.Runner.Formatting;

/// <summary>User registrations made through <see cref="Formatter"/>: custom formatters and preferred mime types.</summary>
internal static class FormatterRegistry
{
    private sealed record Entry(Type Type, string MimeType, Action<object, TextWriter> Format, long Order);

    private static readonly List<Entry> Entries = [];
    private static readonly ConcurrentDictionary<Type, string[]> Preferred = new();
    private static long _order;

    public static void Add(Type type, string mimeType, Action<object, TextWriter> format)
    {
        lock (Entries) Entries.Add(new Entry(type, mimeType, format, Interlocked.Increment(ref _order)));
    }

    public static void SetPreferred(Type type, string[] mimeTypes) => Preferred[type] = mimeTypes;

    public static void Clear()
    {
        lock (Entries) Entries.Clear();
        Preferred.Clear();
    }

    /// <summary>The most specific registered formatter for the type and mime (latest wins among equals).</summary>
    public static Action<object, TextWriter>? Find(Type type, string mimeType)
    {
        lock (Entries)
        {
            Entry? best = null;
            foreach (var entry in Entries)
            {
                if (entry.MimeType != mimeType || !entry.Type.IsAssignableFrom(type)) continue;
                if (best is null || IsMoreSpecific(entry.Type, best.Type) || entry.Type == best.Type) best = entry;
            }
            return best?.Format;
        }
    }

    /// <summary>Preferred mime types: user setting, then the type's formatter-source attribute, then the defaults.</summary>
    public static IReadOnlyList<string> PreferredFor(Type? type)
    {
        if (type is null) return [Formatter.DefaultMimeType];
        Type? bestType = null;
        foreach (var (registered, _) in Preferred)
            if (registered.IsAssignableFrom(type) && (bestType is null || IsMoreSpecific(registered, bestType)))
                bestType = registered;
        if (bestType is not null) return Preferred[bestType];
        var fromAttribute = FormatterSourceConvention.PreferredMimeTypes(type);
        if (fromAttribute is { Length: > 0 }) return fromAttribute;
        return type == typeof(string) ? [PlainTextFormatter.MimeType] : [Formatter.DefaultMimeType];
    }

    private static bool IsMoreSpecific(Type candidate, Type current) =>
        candidate != current && current.IsAssignableFrom(candidate);
}
