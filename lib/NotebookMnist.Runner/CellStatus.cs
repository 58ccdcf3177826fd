namespace NotebookMnist.Runner;

/// <summary>What happened to a cell.</summary>
public enum CellStatus
{
    /// <summary>A markdown or raw cell: never executed, written back unchanged.</summary>
    NotCode,

    /// <summary>The code cell ran without error.</summary>
    Passed,

    /// <summary>The code cell failed (compile, runtime, magic, package or kernel error).</summary>
    Failed,

    /// <summary>The cell is tagged <c>raises-exception</c> and failed as expected.</summary>
    ExpectedError,

    /// <summary>The cell is tagged <c>raises-exception</c> but completed without error (a failure).</summary>
    UnexpectedSuccess,

    /// <summary>The cell exceeded the timeout; the notebook was stopped.</summary>
    TimedOut,

    /// <summary>The code cell was not run because the notebook stopped earlier.</summary>
    NotRun,
}

/// <summary>Why a cell failed.</summary>
public enum CellErrorKind
{
    /// <summary>No error.</summary>
    None,

    /// <summary>Roslyn diagnostics (e.g. CS0103).</summary>
    Compile,

    /// <summary>An exception thrown while the cell ran.</summary>
    Runtime,

    /// <summary>An unknown or unsupported <c>#!</c> magic.</summary>
    Magic,

    /// <summary>A <c>#r "nuget:…"</c> restore failure or version conflict.</summary>
    Package,

    /// <summary>The cell belongs to a kernel other than C#.</summary>
    Kernel,

    /// <summary>The cell exceeded the per-cell timeout.</summary>
    Timeout,

    /// <summary>The kernel process ended while the cell ran (Environment.Exit, stack overflow, a background thread's exception).</summary>
    KernelExited,

    /// <summary>Ctrl-C (or SIGTERM) stopped the run while the cell ran; its kernel was killed.</summary>
    Interrupted,
}
