using System.Diagnostics;
using System.Text.Json.Nodes;
using NotebookMnist.Runner.Execution;
using NotebookMnist.Runner.Notebook;

namespace NotebookMnist.Runner;

/// <summary>
/// Executes the C# cells of a Polyglot notebook in a fresh .NET Interactive kernel (a child process, see
/// <see cref="KernelProcess"/>) and writes the executed notebook.
/// </summary>
public static class NotebookRunner
{
    /// <summary>The longest the kernel process may take to start and build its kernel.</summary>
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Runs a notebook in its own kernel process, whose working directory is the notebook's folder.</summary>
    /// <exception cref="NotebookFormatException">The file is not a readable nbformat 4 notebook.</exception>
    /// <exception cref="IOException">The notebook cannot be read or the output cannot be written.</exception>
    public static async Task<NotebookRunResult> RunAsync(string path, NotebookRunOptions? options = null)
    {
        options ??= new NotebookRunOptions();
        if (!File.Exists(path)) throw new FileNotFoundException($"Expected a notebook file. Received: {path} (not found).", path);
        var document = NotebookDocument.Load(path);
        var warnings = new List<string>();
        if (ParameterInjector.Inject(document, options.Parameters) is { } warning) warnings.Add(warning);
        var clock = Stopwatch.StartNew();
        var cells = await RunCellsAsync(document, options, Path.GetDirectoryName(document.Path)!);
        var elapsed = clock.Elapsed;
        var outputPath = options.InPlace ? document.Path
            : options.OutputDirectory is { } folder ? Path.Combine(Path.GetFullPath(folder), Path.GetFileName(document.Path)) : null;
        if (outputPath is not null) NotebookWriter.Write(document.Root, outputPath);
        return new NotebookRunResult
        {
            NotebookPath = document.Path, OutputPath = outputPath, Document = document, Cells = cells,
            Elapsed = elapsed, Warnings = warnings,
        };
    }

    private static async Task<List<CellRunResult>> RunCellsAsync(NotebookDocument document, NotebookRunOptions options, string directory)
    {
        var defaultKernel = KernelResolver.DefaultKernel(document.Metadata);
        MetadataWriter.NormalizeNotebook(document.Metadata, defaultKernel);
        document.EnsureCellIds();
        KernelProcess? kernel = null;
        try
        {
            var results = new List<CellRunResult>();
            var codeIndex = 0;
            var executionCount = 0;
            var stopped = false;
            foreach (var cell in document.Cells)
            {
                if (!cell.IsCode)
                {
                    results.Add(new CellRunResult { Index = cell.Index, CodeIndex = 0, CellType = cell.CellType, Source = cell.Source, Status = CellStatus.NotCode });
                    continue;
                }
                codeIndex++;
                var cellKernel = KernelResolver.CellKernel(cell, defaultKernel);
                MetadataWriter.NormalizeCodeCell(cell, cellKernel);
                if (stopped)
                {
                    results.Add(NotRun(cell, codeIndex, cellKernel));
                    continue;
                }
                if (options.Interrupt.IsCancellationRequested)
                {
                    // Ctrl-C between two cells: this one says why it and the rest did not run.
                    var sink = new CellOutputSink();
                    var text = $"Cell {cell.Index} was not run: the run was interrupted (Ctrl-C or SIGTERM) before it started, " +
                               "and the notebook's remaining cells were not run either.";
                    sink.AddError(text);
                    results.Add(Finish(cell, codeIndex, cellKernel, null, TimeSpan.Zero, sink,
                        new KernelProcess.Outcome(CellErrorKind.Interrupted, text, null, false, true)));
                    stopped = true;
                    continue;
                }
                // Started at the first code cell, so a kernel that cannot start fails that cell like any other error.
                CellRunResult result;
                try
                {
                    kernel ??= await StartKernelAsync(directory);
                    result = await RunCellAsync(cell, codeIndex, cellKernel, ++executionCount, kernel, options);
                }
                catch (InvalidOperationException ex)
                {
                    // A kernel host dies of a Ctrl-C that reaches it before it starts ignoring them: that is the interrupt.
                    var interrupted = options.Interrupt.IsCancellationRequested;
                    var text = interrupted ? KernelProcess.Interrupted(cell.Index, TimeSpan.Zero) : ex.Message;
                    var sink = new CellOutputSink();
                    sink.AddError(text);
                    result = Finish(cell, codeIndex, cellKernel, ++executionCount, TimeSpan.Zero, sink,
                        new KernelProcess.Outcome(interrupted ? CellErrorKind.Interrupted : CellErrorKind.KernelExited, text, null, false, true));
                }
                results.Add(result);
                stopped |= result.Status == CellStatus.TimedOut || result.ErrorKind == CellErrorKind.KernelExited
                    || (result.IsFailure && !options.ContinueOnError);
            }
            return results;
        }
        finally
        {
            if (kernel is not null) await kernel.DisposeAsync();
        }
    }

    private static async Task<KernelProcess> StartKernelAsync(string directory)
    {
        var kernel = await KernelProcess.StartAsync(directory, StartupTimeout);
        KernelStarted?.Invoke(kernel);
        return kernel;
    }

    /// <summary>Raised with each notebook's kernel process once it is ready (tests and the benchmark read its figures).</summary>
    internal static event Action<KernelProcess>? KernelStarted;

    private static async Task<CellRunResult> RunCellAsync(NotebookCell cell, int codeIndex, string kernelName, int count, KernelProcess kernel, NotebookRunOptions options)
    {
        var clock = Stopwatch.StartNew();
        var sink = new CellOutputSink();
        var outcome = kernelName == "csharp"
            ? await kernel.RunCellAsync(cell.Index, cell.Source, sink, options.Timeout, options.KernelMemoryLimitBytes, options.Interrupt)
            : KernelError(sink, cell.Index, kernelName);
        return Finish(cell, codeIndex, kernelName, count, clock.Elapsed, sink, outcome);
    }

    /// <param name="count">The execution count, or null for a cell that never reached the kernel.</param>
    private static CellRunResult Finish(NotebookCell cell, int codeIndex, string kernelName, int? count, TimeSpan elapsed, CellOutputSink sink, KernelProcess.Outcome outcome)
    {
        var expectError = cell.HasTag("raises-exception");
        var failed = outcome.ErrorKind != CellErrorKind.None;
        // A dead kernel is never the error a raises-exception cell expects: the notebook cannot go on.
        var status = outcome.TimedOut ? CellStatus.TimedOut
            : outcome.KernelDied ? CellStatus.Failed
            : failed ? (expectError ? CellStatus.ExpectedError : CellStatus.Failed)
            : expectError ? CellStatus.UnexpectedSuccess : CellStatus.Passed;
        var outputs = sink.Outputs;
        cell.Node["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)OutputJson.ToJson(o)).ToArray());
        cell.Node["execution_count"] = count;
        cell.Node["source"] = JsonText.Split(cell.Source);
        return new CellRunResult
        {
            Index = cell.Index, CodeIndex = codeIndex, CellType = "code", Source = cell.Source, Status = status,
            Tags = cell.Tags, Kernel = kernelName, ExecutionCount = count, Elapsed = elapsed, Outputs = outputs,
            ErrorKind = outcome.ErrorKind, ErrorMessage = outcome.Error, Line = outcome.Line, StandardOutput = sink.StandardOutput,
        };
    }

    private static KernelProcess.Outcome KernelError(CellOutputSink sink, int index, string kernel)
    {
        var message = $"Cell {index} targets the '{kernel}' kernel; nbrun executes only C# (csharp) cells.";
        sink.AddError(message);
        return new KernelProcess.Outcome(CellErrorKind.Kernel, message, null, false, false);
    }

    private static CellRunResult NotRun(NotebookCell cell, int codeIndex, string kernel)
    {
        cell.Node["outputs"] = new JsonArray();
        cell.Node["execution_count"] = null;
        return new CellRunResult
        {
            Index = cell.Index, CodeIndex = codeIndex, CellType = "code", Source = cell.Source, Status = CellStatus.NotRun, Tags = cell.Tags, Kernel = kernel,
        };
    }
}
