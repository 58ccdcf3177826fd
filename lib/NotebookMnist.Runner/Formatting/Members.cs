using System.Collections;
using System.Reflection;

namespace NotebookMnist.Runner.Formatting;

/// <summary>Reflection helpers shared by the HTML and plain-text formatters.</summary>
internal static class Members
{
    /// <summary>Public instance properties and fields with their values (a throwing getter shows its exception).</summary>
    public static IEnumerable<(string Name, object? Value)> Of(object value)
    {
        var type = value.GetType();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0) continue;
            object? member;
            try { member = property.GetValue(value); }
            catch (TargetInvocationException ex) { member = ex.InnerException ?? ex; }
            yield return (property.Name, member);
        }
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            yield return (field.Name, field.GetValue(value));
    }

    /// <summary>The declared element type of a sequence (object when unknown).</summary>
    public static Type ElementType(IEnumerable sequence)
    {
        var type = sequence.GetType();
        if (type.IsArray) return type.GetElementType()!;
        var enumerable = type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0] ?? typeof(object);
    }

    /// <summary>Up to <paramref name="limit"/> items, plus the number left over (null when the count is unknown).</summary>
    public static (List<object?> Items, int? Remaining, bool HasMore) Take(IEnumerable sequence, int limit)
    {
        var items = new List<object?>();
        var enumerator = sequence.GetEnumerator();
        try
        {
            while (items.Count < limit && enumerator.MoveNext()) items.Add(enumerator.Current);
            if (items.Count < limit || !enumerator.MoveNext()) return (items, 0, false);
        }
        finally { (enumerator as IDisposable)?.Dispose(); }
        int? count = sequence is ICollection collection ? collection.Count : CountOf(sequence);
        return (items, count - limit, true);
    }

    private static int? CountOf(IEnumerable sequence) =>
        sequence.GetType().GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyCollection<>))
            ?.GetProperty("Count")?.GetValue(sequence) as int?;

    /// <summary>Whether the sequence shows as a one-line summary: its elements are all scalars.</summary>
    public static bool IsScalarSequence(IEnumerable sequence, IReadOnlyList<object?> items)
    {
        var element = ElementType(sequence);
        if (element != typeof(object)) return Scalars.IsScalar(element);
        return items.All(item => item is null || Scalars.IsScalar(item.GetType()));
    }
}
