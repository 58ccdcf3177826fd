using NotebookMnist.Runner.Execution;

namespace NotebookMnist.Runner;

/// <summary>The result of one cell: status, timing, outputs and, on failure, the error and where it happened.</summary>
public sealed record CellRunResult
{
    /// <summary>1-based position among all cells.</summary>
    public required int Index { get; init; }

    /// <summary>1-based position among code cells (0 for markdown/raw).</summary>
    public required int CodeIndex { get; init; }

    /// <summary><c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public required string CellType { get; init; }

    /// <summary>The cell's source.</summary>
    public required string Source { get; init; }

    /// <summary>What happened.</summary>
    public required CellStatus Status { get; init; }

    /// <summary>The kernel the cell targets (code cells).</summary>
    public string Kernel { get; init; } = "";

    /// <summary>The cell's <c>execution_count</c> (null when not executed).</summary>
    public int? ExecutionCount { get; init; }

    /// <summary>Wall-clock time of the cell.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The outputs written to the notebook.</summary>
    public IReadOnlyList<CellOutput> Outputs { get; init; } = [];

    /// <summary>Why the cell failed (also set for expected errors).</summary>
    public CellErrorKind ErrorKind { get; init; }

    /// <summary>The error text (the <c>evalue</c> of the error output).</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>1-based line inside the cell where the error is, when known.</summary>
    public int? Line { get; init; }

    /// <summary>All stdout the cell wrote.</summary>
    public string StandardOutput { get; init; } = "";

    /// <summary>Whether this cell makes the run fail.</summary>
    public bool IsFailure => Status is CellStatus.Failed or CellStatus.UnexpectedSuccess or CellStatus.TimedOut;
}
