using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Events;

namespace NotebookMnist.Runner.Execution;

/// <summary>Turns a finished submission's events into the cell's <c>end</c> message: error kind, text and line.</summary>
internal static partial class CellErrors
{
    /// <summary>One cell's code as the kernel compiled it: the kernel leaves out the lines it handles itself (<c>#!time</c>,
    /// <c>#r "nuget: …"</c>) and leading blank lines, so the lines of a runtime stack trace count in
    /// <paramref name="Compiled"/>, not in the cell's <paramref name="Source"/>.</summary>
    public sealed record Submission(int Cell, string Source, string Compiled);

    /// <summary>The <c>end</c> message: no error, or the kind, message and 1-based line of the first error.</summary>
    /// <param name="cell">The cell that ran.</param>
    /// <param name="events">The submission's events.</param>
    /// <param name="submissions">Roslyn's submission numbers (<c>Submission#N</c> in stack frames) of the cells run so
    /// far, so that frames name a cell and a line in it.</param>
    public static KernelMessage End(int cell, IReadOnlyList<KernelEvent> events, IReadOnlyDictionary<int, Submission>? submissions = null)
    {
        submissions ??= new Dictionary<int, Submission>();
        if (events.OfType<CommandFailed>().LastOrDefault() is not { } failed)
            return new KernelMessage { Type = "end", Cell = cell };
        var errors = events.OfType<DiagnosticsProduced>().SelectMany(d => d.Diagnostics)
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var text = string.Join("\n", errors.Select(d =>
                $"({d.LinePositionSpan.Start.Line + 1},{d.LinePositionSpan.Start.Character + 1}): error {d.Code}: {d.Message}"));
            // The kernel reports magics it does not know as DNI diagnostics (e.g. DNI101), the compiler as CS ones.
            var kind = !errors[0].Code.StartsWith("DNI", StringComparison.Ordinal) ? CellErrorKind.Compile : DirectiveKind(text);
            return new KernelMessage { Type = "end", Cell = cell, Kind = kind, Text = text, Line = errors[0].LinePositionSpan.Start.Line + 1 };
        }
        if (failed.Exception is { } exception)
        {
            return new KernelMessage
            {
                Type = "end", Cell = cell, Kind = CellErrorKind.Runtime, Text = Describe(exception, submissions),
                Line = LineInCell(exception, cell, submissions),
            };
        }
        var message = failed.Message;
        return new KernelMessage { Type = "end", Cell = cell, Kind = DirectiveKind(message), Text = message, Line = LineOf(message) };
    }

    /// <summary>A directive's failure: a package (restore, version conflict) or any other magic.</summary>
    private static CellErrorKind DirectiveKind(string message) =>
        message.Contains("nuget", StringComparison.OrdinalIgnoreCase) || message.Contains("package", StringComparison.OrdinalIgnoreCase)
        || message.Contains("cannot be added because version", StringComparison.Ordinal)
            ? CellErrorKind.Package : CellErrorKind.Magic;

    /// <summary>"Type: message" and the stack frames in the cells' code (the kernel's own frames are noise to a learner),
    /// each frame in a cell named by that cell and its line: <c>at Twice(Int32 x) in cell 2, line 3</c>.</summary>
    public static string Describe(Exception exception, IReadOnlyDictionary<int, Submission> submissions)
    {
        var text = $"{exception.GetType().FullName}: {exception.Message}";
        var frames = (exception.StackTrace ?? "").Split('\n').Select(f => f.TrimEnd())
            .Where(f => f.Length > 0 && !f.Contains(" Microsoft.CodeAnalysis.", StringComparison.Ordinal)
                && !f.Contains(" Microsoft.DotNet.Interactive.", StringComparison.Ordinal)
                && !f.Contains(" System.Runtime.CompilerServices.", StringComparison.Ordinal)
                && !f.Contains("--- End of stack trace", StringComparison.Ordinal))
            .Select(f => InCell(f, submissions));
        var inner = exception.InnerException is { } cause ? $"\n ---> {cause.GetType().FullName}: {cause.Message}" : "";
        return string.Join("\n", [text + inner, .. frames]);
    }

    /// <summary>The line, in <paramref name="cell"/>, of the innermost stack frame in that cell's code; null when no frame
    /// is in it or the kernel emitted no line information.</summary>
    private static int? LineInCell(Exception exception, int cell, IReadOnlyDictionary<int, Submission> submissions)
    {
        foreach (Match frame in SubmissionFrame().Matches(exception.StackTrace ?? ""))
            if (Locate(frame, submissions) is { } place && place.Cell == cell)
                return place.Line;
        return null;
    }

    /// <summary>A frame of a cell's code, <c>at Submission#3.Twice(Int32 x) in :line 3</c>, as
    /// <c>at Twice(Int32 x) in cell 2, line 4</c> (the cell's body: <c>at cell 2, line 4</c>); other frames unchanged.</summary>
    private static string InCell(string frame, IReadOnlyDictionary<int, Submission> submissions)
    {
        var match = SubmissionFrame().Match(frame);
        if (!match.Success || Locate(match, submissions) is not { } place) return frame;
        var member = match.Groups["member"].Value;
        var where = $"cell {place.Cell}, line {place.Line}";
        var text = member.StartsWith("<<Initialize>>", StringComparison.Ordinal) ? $"at {where}" : $"at {member} in {where}";
        return frame[..match.Index] + text + frame[(match.Index + match.Length)..];
    }

    private static (int Cell, int Line)? Locate(Match frame, IReadOnlyDictionary<int, Submission> submissions)
    {
        var number = int.Parse(frame.Groups["submission"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var line = int.Parse(frame.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return submissions.TryGetValue(number, out var submission) && SourceLine(submission, line) is { } inCell
            ? (submission.Cell, inCell) : null;
    }

    /// <summary>Line <paramref name="compiledLine"/> of the compiled code as a line of the cell: the compiled lines are the
    /// cell's own, in order, with some left out, so each is matched to the next cell line with the same text. Null when
    /// they do not match (then the frame keeps the kernel's numbering rather than guess).</summary>
    internal static int? SourceLine(Submission submission, int compiledLine)
    {
        var compiled = Lines(submission.Compiled);
        var source = Lines(submission.Source);
        if (compiledLine < 1 || compiledLine > compiled.Length) return null;
        var at = 0;
        for (var i = 0; i < compiled.Length; i++)
        {
            while (at < source.Length && source[at] != compiled[i]) at++;
            if (at == source.Length) return null;
            if (i == compiledLine - 1) return at + 1;
            at++;
        }
        return null;
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToArray();

    private static int? LineOf(string message)
    {
        var match = Position().Match(message);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"at Submission#(?<submission>\d+)\.(?<member>.+?) in :line (?<line>\d+)")]
    private static partial Regex SubmissionFrame();

    [GeneratedRegex(@"^\((\d+),\d+\)")]
    private static partial Regex Position();
}
