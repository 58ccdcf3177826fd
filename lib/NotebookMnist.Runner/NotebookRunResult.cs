using NotebookMnist.Runner.Notebook;

namespace NotebookMnist.Runner;

/// <summary>The result of running one notebook: every cell's result and where the executed notebook was written.</summary>
public sealed record NotebookRunResult
{
    /// <summary>The input notebook (full path).</summary>
    public required string NotebookPath { get; init; }

    /// <summary>The executed notebook's path, or null when it was not written.</summary>
    public string? OutputPath { get; init; }

    /// <summary>The executed notebook.</summary>
    public required NotebookDocument Document { get; init; }

    /// <summary>One result per cell, markdown and raw cells included.</summary>
    public required IReadOnlyList<CellRunResult> Cells { get; init; }

    /// <summary>Wall-clock time of the whole notebook.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Warnings (e.g. parameters without a <c>parameters</c> cell).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Whether every code cell behaved as expected.</summary>
    public bool Succeeded => !Cells.Any(c => c.IsFailure);

    /// <summary>Whether a cell timed out.</summary>
    public bool TimedOut => Cells.Any(c => c.Status == CellStatus.TimedOut);

    /// <summary>The cells that made the run fail.</summary>
    public IEnumerable<CellRunResult> Failures => Cells.Where(c => c.IsFailure);

    /// <summary>Number of code cells, and of those executed.</summary>
    public (int Executed, int Total) CodeCells =>
        (Cells.Count(c => c.CodeIndex > 0 && c.ExecutionCount is not null), Cells.Count(c => c.CodeIndex > 0));

    /// <summary>A short status: <c>ok</c>, <c>FAILED (cell 4)</c>, <c>TIMEOUT (cell 7)</c>, <c>INTERRUPTED (cell 2)</c>.</summary>
    public string StatusText
    {
        get
        {
            var first = Failures.FirstOrDefault();
            if (first is null) return "ok";
            var label = first.Status == CellStatus.TimedOut ? "TIMEOUT"
                : first.ErrorKind == CellErrorKind.Interrupted ? "INTERRUPTED" : "FAILED";
            var count = Failures.Count();
            return count == 1 ? $"{label} (cell {first.Index})" : $"{label} (cell {first.Index} +{count - 1})";
        }
    }

    /// <summary>The console report of every failing cell (empty when the run succeeded).</summary>
    public string FailureReport() => string.Join("\n", Failures.Select(c => Reports.FailureReport.Describe(NotebookPath, c)));
}
