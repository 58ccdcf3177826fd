using System.Globalization;
using System.Numerics;

namespace NotebookMnist.Runner.Formatting;

/// <summary>Which values are shown as plain scalars, and their invariant text.</summary>
internal static class Scalars
{
    /// <summary>Whether values of the type are shown as one line of text rather than expanded.</summary>
    public static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
        || type == typeof(BigInteger) || type == typeof(Half) || type == typeof(Int128) || type == typeof(UInt128)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan)
        || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(Uri) || type == typeof(Type)
        || type.IsSubclassOf(typeof(Type))
        || (Nullable.GetUnderlyingType(type) is { } inner && IsScalar(inner));

    /// <summary>The value's text in the invariant culture; <c>&lt;null&gt;</c> for null; dates in the <c>u</c> format.</summary>
    public static string Text(object? value) => value switch
    {
        null => "<null>",
        string s => s,
        DateTime d => d.ToString("u", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("u", CultureInfo.InvariantCulture),
        Type t => TypeNames.Of(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => TypeNames.StripSubmission(value.ToString() ?? ""),
    };
}
