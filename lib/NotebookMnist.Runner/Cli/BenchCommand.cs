using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Commands;
using NotebookMnist.Runner.Execution;
using NotebookMnist.Runner.Notebook;

namespace NotebookMnist.Runner.Cli;

/// <summary>
/// <c>nbrun bench</c>: the runner's own cost on notebooks of trivial cells: cold start to the first cell's output and
/// the per-cell overhead, for the kernel in a child process (how nbrun runs), in this process, and with dotnet-repl.
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Build()
    {
        var cells = new Option<int>("--cells") { Description = "Trivial code cells in the many-cell notebook.", DefaultValueFactory = _ => 30 };
        var repl = new Option<bool>("--no-repl") { Description = "Skip the dotnet-repl comparison." };
        var command = new Command("bench", "Measure the runner's overhead (cold start, per cell) next to dotnet-repl's.") { cells, repl };
        command.SetAction((result, _) => RunAsync(Math.Max(2, result.GetValue(cells)), !result.GetValue(repl)));
        return command;
    }

    private static async Task<int> RunAsync(int cellCount, bool withRepl)
    {
        var folder = Directory.CreateTempSubdirectory("nbrun-bench-").FullName;
        var one = Path.Combine(folder, "one.ipynb");
        var many = Path.Combine(folder, "many.ipynb");
        NotebookWriter.Write(Trivial(1), one);
        NotebookWriter.Write(Trivial(cellCount), many);
        var rows = new List<string>();

        // nbrun as it runs notebooks: a kernel process per notebook.
        var cold = await TimeAsync(() => NotebookRunner.RunAsync(one));
        var run = await NotebookRunner.RunAsync(many);
        if (!run.Succeeded) throw new InvalidOperationException($"The benchmark notebook failed:\n{run.FailureReport()}");
        var perCell = Median(run.Cells.Skip(1).Select(c => c.Elapsed.TotalMilliseconds));
        rows.Add(Row("nbrun (kernel process per notebook)", cold, perCell));

        // The same kernel in this process (what the child process costs on top).
        var clock = Stopwatch.StartNew();
        using (var kernel = KernelFactory.Create())
        {
            await kernel.SendAsync(new SubmitCode("var x1 = 1;\nx1 + 1"));
            var inProcessCold = clock.Elapsed.TotalMilliseconds;
            var times = new List<double>();
            for (var i = 2; i <= cellCount; i++)
            {
                clock.Restart();
                await kernel.SendAsync(new SubmitCode($"var x{i} = {i};\nx{i} + 1"));
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            rows.Add(Row("kernel in process (warm JIT: runs after nbrun's)", inProcessCold, Median(times)));
        }

        if (withRepl)
        {
            var replOne = await ReplAsync(folder, one);
            var replMany = await ReplAsync(folder, many);
            rows.Add(replOne is { } a && replMany is { } b
                ? Row("dotnet-repl 0.3.259 (whole process)", a, (b - a) / (cellCount - 1))
                : "dotnet-repl: not run (`dotnet tool restore` first)");
        }
        Console.WriteLine($"Trivial cells (`var xN = N; xN + 1`), {cellCount}-cell notebook; times in ms.");
        Console.WriteLine($"{"",-50}{"cold start → 1st output",24}{"per cell",12}");
        foreach (var row in rows) Console.WriteLine(row);
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static string Row(string name, double cold, double perCell) =>
        string.Create(CultureInfo.InvariantCulture, $"{name,-50}{cold,24:0}{perCell,12:0.0}");

    private static async Task<double> TimeAsync(Func<Task<NotebookRunResult>> run)
    {
        var clock = Stopwatch.StartNew();
        var result = await run();
        if (!result.Succeeded) throw new InvalidOperationException($"The benchmark notebook failed:\n{result.FailureReport()}");
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>The wall time of <c>dotnet tool run dotnet-repl -- --run NOTEBOOK --exit-after-run</c>, or null when it fails.</summary>
    private static async Task<double?> ReplAsync(string folder, string notebook)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RunCommand.RepositoryRoot(), RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in new[] { "tool", "run", "dotnet-repl", "--", "--run", notebook, "--exit-after-run", "--output-path", Path.Combine(folder, "repl-" + Path.GetFileName(notebook)) })
            start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        await drain;
        return process.ExitCode == 0 ? clock.Elapsed.TotalMilliseconds : null;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    private static JsonObject Trivial(int count) => new()
    {
        ["cells"] = new JsonArray(Enumerable.Range(1, count).Select(i => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(),
            ["source"] = JsonText.Split($"var x{i} = {i};\nx{i} + 1"),
        }).ToArray()),
        ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5,
    };
}
