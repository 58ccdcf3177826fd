using System.Text.RegularExpressions;

namespace NotebookMnist.Runner.Formatting;

/// <summary>C#-style type names without Roslyn's <c>Submission#N+</c> prefixes.</summary>
internal static partial class TypeNames
{
    /// <summary>The C# name of a type, e.g. <c>List&lt;Person&gt;</c> for <c>List`1[Submission#3+Person]</c>.</summary>
    public static string Of(Type type)
    {
        if (type.IsArray) return Of(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        var name = type.Name;
        if (Nullable.GetUnderlyingType(type) is { } inner) return Of(inner) + "?";
        if (!type.IsGenericType) return StripSubmission(NestedPrefix(type) + name);
        var tick = name.IndexOf('`');
        var baseName = tick < 0 ? name : name[..tick];
        var arguments = string.Join(", ", type.GetGenericArguments().Select(Of));
        return StripSubmission(NestedPrefix(type) + baseName + "<" + arguments + ">");
    }

    /// <summary>Removes every <c>Submission#N+</c> / <c>Submission#N.</c> prefix from a text.</summary>
    public static string StripSubmission(string text) => SubmissionPrefix().Replace(text, "");

    private static string NestedPrefix(Type type) =>
        type.DeclaringType is { } outer && !outer.Name.StartsWith("Submission#", StringComparison.Ordinal)
            ? Of(outer) + "." : "";

    [GeneratedRegex(@"Submission#\d+[+.]")]
    private static partial Regex SubmissionPrefix();
}
