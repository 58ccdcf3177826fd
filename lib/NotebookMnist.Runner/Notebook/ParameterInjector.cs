using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookMnist.Runner.Notebook;

/// <summary>
/// Papermill's parameters for C#: after the cell tagged <c>parameters</c>, a cell tagged <c>injected-parameters</c>
/// redeclares each given name. The value keeps the declared type of the parameters cell when it has one
/// (<c>float lr = 0.1f;</c> → <c>float lr = 0.05f;</c>); otherwise it is a number, a bool, or else a string.
/// </summary>
public static partial class ParameterInjector
{
    /// <summary>The tag of the cell whose values are overridden.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag of the cell the runner inserts.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>Inserts (or replaces) the injected cell; returns a warning when there is no parameters cell.</summary>
    public static string? Inject(NotebookDocument document, IReadOnlyDictionary<string, string> parameters)
    {
        if (parameters.Count == 0) return null;
        var old = document.Cells.FirstOrDefault(c => c.HasTag(InjectedTag));
        if (old is not null) ((JsonArray)document.Root["cells"]!).Remove(old.Node);
        var target = document.Cells.FirstOrDefault(c => c.IsCode && c.HasTag(ParametersTag) && c.Node != old?.Node);
        var declared = target is null ? new Dictionary<string, string>() : DeclaredTypes(target.Source);
        var source = "// Parameters injected by nbrun\n" + string.Join("\n", parameters.Select(p => Declaration(p.Key, p.Value, declared)));
        var cell = new JsonObject
        {
            ["cell_type"] = "code", ["execution_count"] = null,
            ["metadata"] = new JsonObject { ["tags"] = new JsonArray(InjectedTag) },
            ["outputs"] = new JsonArray(), ["source"] = JsonText.Split(source),
        };
        var position = target is null ? 0 : ((JsonArray)document.Root["cells"]!).IndexOf(target.Node) + 1;
        document.InsertCell(position, cell);
        return target is null ? $"{document.Path}: no cell is tagged `parameters`; the injected parameters go first." : null;
    }

    /// <summary>
    /// One warning per given name that the <c>parameters</c> cell does not assign (a typo, say, that no cell would
    /// use); none when there is no such cell, which <see cref="Inject"/> warns about.
    /// </summary>
    public static IReadOnlyList<string> UnassignedWarnings(NotebookDocument document, IEnumerable<string> names)
    {
        var target = document.Cells.FirstOrDefault(c => c.IsCode && c.HasTag(ParametersTag));
        if (target is null) return [];
        var source = target.Source;
        return names.Where(name => !Regex.IsMatch(source, $@"(?<![\w.@]){Regex.Escape(name)}\s*=(?![=>])"))
            .Select(name => $"{document.Path}: parameter `{name}` is not assigned in the `parameters` cell (cell {target.Index}); "
                + "it is injected anyway, but the notebook may not use it.")
            .ToList();
    }

    /// <summary>A C# declaration of the value, typed as in the parameters cell when it declares the name.</summary>
    public static string Declaration(string name, string value, IReadOnlyDictionary<string, string> declaredTypes)
    {
        var type = declaredTypes.GetValueOrDefault(name, "var");
        return $"{type} {name} = {Literal(value, type)};";
    }

    /// <summary>The C# literal for a value: number, <c>true</c>/<c>false</c>, else a quoted string.</summary>
    public static string Literal(string value, string declaredType = "var")
    {
        var trimmed = value.Trim();
        if (declaredType is "string" or "string?") return Quote(value);
        if (bool.TryParse(trimmed, out var flag)) return flag ? "true" : "false";
        if (long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            || double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            return trimmed + declaredType switch { "float" => "f", "decimal" => "m", "double" => (trimmed.Contains('.') ? "" : "d"), _ => "" };
        return Quote(value);
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r") + "\"";

    private static Dictionary<string, string> DeclaredTypes(string source)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Declaration().Matches(source)) types[match.Groups["name"].Value] = match.Groups["type"].Value;
        return types;
    }

    [GeneratedRegex(@"^\s*(?:const\s+)?(?<type>[A-Za-z_][\w.<>\[\],?]*)\s+(?<name>[A-Za-z_]\w*)\s*=", RegexOptions.Multiline)]
    private static partial Regex Declaration();
}
