using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using NotebookMnist.Runner.Notebook;

namespace NotebookMnist.Runner.Cli;

/// <summary><c>nbrun bench</c>: the runner's overhead on a notebook of trivial cells (Stopwatch, in-process).</summary>
public static class BenchCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Build()
    {
        var cells = new Option<int>("--cells") { Description = "Trivial code cells in the notebook.", DefaultValueFactory = _ => 20 };
        var runs = new Option<int>("--runs") { Description = "Warm runs after the first (cold) one.", DefaultValueFactory = _ => 5 };
        var command = new Command("bench", "Measure the runner's overhead: a notebook of trivial cells, cold and warm.") { cells, runs };
        command.SetAction((result, _) => RunAsync(result.GetValue(cells), result.GetValue(runs)));
        return command;
    }

    private static async Task<int> RunAsync(int cellCount, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("nbrun-bench-").FullName;
        var one = Path.Combine(folder, "one.ipynb");
        var many = Path.Combine(folder, "many.ipynb");
        NotebookWriter.Write(Trivial(1), one);
        NotebookWriter.Write(Trivial(cellCount), many);
        var cold = await TimeAsync(many);
        var manyTimes = new List<double>();
        var oneTimes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            manyTimes.Add(await TimeAsync(many));
            oneTimes.Add(await TimeAsync(one));
        }
        var medianMany = Median(manyTimes);
        var perCell = (medianMany - Median(oneTimes)) / Math.Max(1, cellCount - 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cellCount}-cell notebook, first run in process (Roslyn cold): {cold:0} ms\n{cellCount}-cell notebook, warm (median of {runs}): {medianMany:0.0} ms\n1-cell notebook, warm (median of {runs}): {Median(oneTimes):0.0} ms\nper further cell: {perCell:0.00} ms"));
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static async Task<double> TimeAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        var result = await NotebookRunner.RunAsync(path);
        if (!result.Succeeded) throw new InvalidOperationException($"The benchmark notebook failed:\n{result.FailureReport()}");
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

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
