using System.Collections;
using System.Text;

namespace NotebookMnist.Runner.Formatting;

/// <summary>The built-in <c>text/plain</c> shapes: scalars, <c>[ a, b, c ]</c> summaries, and member lists.</summary>
internal static class PlainTextValueFormatter
{
    /// <summary>Formats a value as plain text.</summary>
    public static string Format(object? value) => Format(value, 0);

    private static string Format(object? value, int depth)
    {
        if (value is null) return "<null>";
        var type = value.GetType();
        if (Scalars.IsScalar(type) || value is Exception) return Scalars.Text(value);
        if (depth > 0 && ValueFormatter.TryCustom(value, "text/plain") is { } custom) return custom;
        if (value is IEnumerable sequence) return Sequence(sequence, depth);
        if (depth >= 2 || HasOwnToString(type)) return Scalars.Text(value);
        var text = new StringBuilder(TypeNames.Of(type));
        var indent = new string(' ', 4 + 2 * depth);
        foreach (var (name, member) in Members.Of(value))
            text.Append('\n').Append(indent).Append(name).Append(": ").Append(Format(member, depth + 1));
        return text.ToString();
    }

    private static string Sequence(IEnumerable sequence, int depth)
    {
        var limit = Microsoft.DotNet.Interactive.Formatting.Formatter.ListExpansionLimit;
        var (items, remaining, hasMore) = Members.Take(sequence, limit);
        var more = !hasMore ? "" : remaining is { } n ? $" ... ({n} more)" : " ... (more)";
        if (Members.IsScalarSequence(sequence, items))
            return "[ " + string.Join(", ", items.Select(Scalars.Text)) + more + " ]";
        var text = new StringBuilder(TypeNames.Of(sequence.GetType()));
        foreach (var item in items)
            text.Append('\n').Append(new string(' ', 2 + 2 * depth)).Append("- ").Append(Format(item, depth + 1));
        if (hasMore) text.Append('\n').Append(more.Trim());
        return text.ToString();
    }

    private static bool HasOwnToString(Type type)
    {
        var method = type.GetMethod("ToString", Type.EmptyTypes);
        return method is not null && method.DeclaringType != typeof(object) && method.DeclaringType != typeof(ValueType)
            && !IsRecord(type);
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null || type.GetProperty("EqualityContract",
        System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance) is not null;
}
