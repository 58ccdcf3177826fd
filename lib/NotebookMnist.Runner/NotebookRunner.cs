using System.Diagnostics;
using System.Text.Json.Nodes;
using NotebookMnist.Runner.Execution;
using NotebookMnist.Runner.Notebook;

namespace NotebookMnist.Runner;

/// <summary>Executes the C# cells of a Polyglot notebook with Roslyn scripting and writes the executed notebook.</summary>
public static class NotebookRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Runs a notebook (one at a time per process: the working directory is process-wide).</summary>
    /// <exception cref="NotebookFormatException">The file is not a readable nbformat 4 notebook.</exception>
    /// <exception cref="IOException">The notebook cannot be read or the output cannot be written.</exception>
    public static async Task<NotebookRunResult> RunAsync(string path, NotebookRunOptions? options = null)
    {
        options ??= new NotebookRunOptions();
        if (!File.Exists(path)) throw new FileNotFoundException($"Expected a notebook file. Received: {path} (not found).", path);
        var document = NotebookDocument.Load(path);
        var warnings = new List<string>();
        if (ParameterInjector.Inject(document, options.Parameters) is { } warning) warnings.Add(warning);
        await OneAtATime.WaitAsync();
        var previousDirectory = Environment.CurrentDirectory;
        var clock = Stopwatch.StartNew();
        List<CellRunResult> cells;
        try
        {
            ConsoleCapture.Install();
            Microsoft.DotNet.Interactive.Formatting.Formatter.ResetToDefault();
            var directory = Path.GetDirectoryName(document.Path)!;
            Environment.CurrentDirectory = directory;
            cells = await RunCellsAsync(document, options, directory);
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            OneAtATime.Release();
        }
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
        var host = await ScriptHost.CreateAsync(directory);
        var executor = new CellExecutor(host, new PackageRestorer(), Path.GetFileName(document.Path), options.Timeout);
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
            var kernel = KernelResolver.CellKernel(cell, defaultKernel);
            MetadataWriter.NormalizeCodeCell(cell, kernel);
            var result = stopped ? NotRun(cell, codeIndex, kernel) : await RunCellAsync(cell, codeIndex, kernel, ++executionCount, executor);
            results.Add(result);
            stopped |= result.Status == CellStatus.TimedOut || (result.IsFailure && !options.ContinueOnError);
        }
        return results;
    }

    private static async Task<CellRunResult> RunCellAsync(NotebookCell cell, int codeIndex, string kernel, int count, CellExecutor executor)
    {
        var clock = Stopwatch.StartNew();
        var sink = new CellOutputSink();
        var outcome = kernel == "csharp"
            ? await executor.ExecuteAsync(cell.Source, cell.Index, sink)
            : KernelError(sink, cell.Index, kernel);
        var expectError = cell.HasTag("raises-exception");
        var failed = outcome.ErrorKind != CellErrorKind.None;
        var status = outcome.TimedOut ? CellStatus.TimedOut
            : failed ? (expectError ? CellStatus.ExpectedError : CellStatus.Failed)
            : expectError ? CellStatus.UnexpectedSuccess : CellStatus.Passed;
        var outputs = sink.Outputs;
        cell.Node["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)OutputJson.ToJson(o)).ToArray());
        cell.Node["execution_count"] = count;
        cell.Node["source"] = JsonText.Split(cell.Source);
        return new CellRunResult
        {
            Index = cell.Index, CodeIndex = codeIndex, CellType = "code", Source = cell.Source, Status = status,
            Kernel = kernel, ExecutionCount = count, Elapsed = clock.Elapsed, Outputs = outputs,
            ErrorKind = outcome.ErrorKind, ErrorMessage = outcome.Error, Line = outcome.Line, StandardOutput = sink.StandardOutput,
        };
    }

    private static CellExecutor.Outcome KernelError(CellOutputSink sink, int index, string kernel)
    {
        var message = $"Cell {index} targets the '{kernel}' kernel; nbrun executes only C# (csharp) cells.";
        sink.AddError(message);
        return new CellExecutor.Outcome(CellErrorKind.Kernel, message, null, false);
    }

    private static CellRunResult NotRun(NotebookCell cell, int codeIndex, string kernel)
    {
        cell.Node["outputs"] = new JsonArray();
        cell.Node["execution_count"] = null;
        return new CellRunResult
        {
            Index = cell.Index, CodeIndex = codeIndex, CellType = "code", Source = cell.Source, Status = CellStatus.NotRun, Kernel = kernel,
        };
    }
}
