using System.Text.RegularExpressions;
using NotebookMnist.Runner.Formatting;

namespace NotebookMnist.Runner.Execution;

/// <summary>Turns a cell's exception into type, message and the stack frames of the notebook (no Roslyn internals).</summary>
internal static partial class StackTrimmer
{
    /// <summary>The exception text without scripting-engine frames and async separators, <c>Submission#N+</c> removed.</summary>
    public static string Trim(Exception exception)
    {
        var kept = exception.ToString().Replace("\r\n", "\n").Split('\n')
            .Where(line => !line.StartsWith("   at Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal)
                && !line.StartsWith("--- End of stack trace from previous location", StringComparison.Ordinal));
        return TypeNames.StripSubmission(string.Join("\n", kept).TrimEnd());
    }

    /// <summary>The first line number of the cell found in the stack trace (needs debug info), else null.</summary>
    public static int? LineInCell(Exception exception, string cellPath)
    {
        foreach (Match match in CellLine().Matches(exception.ToString()))
            if (match.Groups["path"].Value.EndsWith(cellPath, StringComparison.Ordinal)) return int.Parse(match.Groups["line"].Value);
        return null;
    }

    [GeneratedRegex(@" in (?<path>.+?#cell-\d+):line (?<line>\d+)")]
    private static partial Regex CellLine();
}
