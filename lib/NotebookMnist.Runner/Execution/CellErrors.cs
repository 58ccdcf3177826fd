using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Events;

namespace NotebookMnist.Runner.Execution;

/// <summary>Turns a finished submission's events into the cell's <c>end</c> message: error kind, text and line.</summary>
internal static partial class CellErrors
{
    /// <summary>The <c>end</c> message: no error, or the kind, message and 1-based line of the first error.</summary>
    public static KernelMessage End(int cell, IReadOnlyList<KernelEvent> events)
    {
        if (events.OfType<CommandFailed>().LastOrDefault() is not { } failed)
            return new KernelMessage { Type = "end", Cell = cell };
        var errors = events.OfType<DiagnosticsProduced>().SelectMany(d => d.Diagnostics)
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var text = string.Join("\n", errors.Select(d =>
                $"({d.LinePositionSpan.Start.Line + 1},{d.LinePositionSpan.Start.Character + 1}): error {d.Code}: {d.Message}"));
            return new KernelMessage { Type = "end", Cell = cell, Kind = CellErrorKind.Compile, Text = text, Line = errors[0].LinePositionSpan.Start.Line + 1 };
        }
        if (failed.Exception is { } exception)
        {
            return new KernelMessage
            {
                Type = "end", Cell = cell, Kind = CellErrorKind.Runtime, Text = Describe(exception), Line = LineInCell(exception),
            };
        }
        var message = failed.Message;
        var kind = message.Contains("nuget", StringComparison.OrdinalIgnoreCase) || message.Contains("package", StringComparison.OrdinalIgnoreCase)
            ? CellErrorKind.Package : CellErrorKind.Magic;
        return new KernelMessage { Type = "end", Cell = cell, Kind = kind, Text = message, Line = LineOf(message) };
    }

    /// <summary>"Type: message" and the stack frames in the cell's code (the kernel's own frames are noise to a learner).</summary>
    public static string Describe(Exception exception)
    {
        var text = $"{exception.GetType().FullName}: {exception.Message}";
        var frames = (exception.StackTrace ?? "").Split('\n').Select(f => f.TrimEnd())
            .Where(f => f.Length > 0 && !f.Contains(" Microsoft.CodeAnalysis.", StringComparison.Ordinal)
                && !f.Contains(" Microsoft.DotNet.Interactive.", StringComparison.Ordinal)
                && !f.Contains(" System.Runtime.CompilerServices.", StringComparison.Ordinal)
                && !f.Contains("--- End of stack trace", StringComparison.Ordinal));
        var inner = exception.InnerException is { } cause ? $"\n ---> {cause.GetType().FullName}: {cause.Message}" : "";
        return string.Join("\n", [text + inner, .. frames]);
    }

    /// <summary>The line of the innermost submission frame that carries one (none when the kernel emitted no PDB).</summary>
    private static int? LineInCell(Exception exception)
    {
        foreach (Match match in SubmissionLine().Matches(exception.StackTrace ?? ""))
            return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return null;
    }

    private static int? LineOf(string message)
    {
        var match = Position().Match(message);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"Submission#\d+.*:line (\d+)")]
    private static partial Regex SubmissionLine();

    [GeneratedRegex(@"^\((\d+),\d+\)")]
    private static partial Regex Position();
}
