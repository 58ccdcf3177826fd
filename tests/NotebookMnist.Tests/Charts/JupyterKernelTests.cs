using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookMnist.Tests.Charts;

/// <summary>
/// The live chart and the tables in the genuine kernel VS Code starts (dotnet-interactive 1.0.712001), judged through
/// Jupyter: <c>jupyter nbconvert --execute</c> replaces an output when an <c>update_display_data</c> carries its display
/// id, as VS Code does, so a chart whose updates are lost stays at its first point.
/// </summary>
public class JupyterKernelTests
{
    private const string ChartCell = """
        var animator = new NotebookMnist.D2l.Animator(xlabel: "epoch", xlim: (1, 10), ylim: (0.3, 0.9),
            legend: new[] { "train loss", "train acc", "test acc" });
        for (int epoch = 1; epoch <= 10; epoch++) animator.Add(epoch, 1.0 / epoch, 0.7 + epoch / 100.0, 0.69 + epoch / 100.0);
        """;

    private static readonly Lazy<Task<JsonNode>> Executed = new(ExecuteAsync);

    [JupyterFact]
    public async Task Animator_TenEpochsInTheRealKernel_OneChartWithEveryPoint()
    {
        var outputs = Outputs(await Executed.Value, 1);

        var chart = Assert.Single(outputs);
        Assert.Equal("display_data", (string?)chart!["output_type"]);
        var figure = Plotly(chart["data"]!["application/vnd.plotly.v1+json"]!);
        Assert.Equal([10, 10, 10], figure["data"]!.AsArray().Select(t => t!["x"]!.AsArray().Count));
        Assert.Equal(0.1, (double)figure["data"]![0]!["y"]![9]!, 12);
        Assert.DoesNotContain("cdn", (string?)Text(chart["data"]!["text/html"]!), StringComparison.OrdinalIgnoreCase);
    }

    [JupyterFact]
    public async Task DataFrame_WithOnlyTheLibraryReferenced_ShownAsAnHtmlTable()
    {
        var outputs = Outputs(await Executed.Value, 2);

        var result = Assert.Single(outputs);
        Assert.Equal("execute_result", (string?)result!["output_type"]);
        string html = Text(result["data"]!["text/html"]!);
        Assert.StartsWith("<table class=\"notebook-mnist-dataframe\">", html);
        Assert.Contains("<td>0.25</td>", html);
    }

    [JupyterFact]
    public async Task KernelDefect_PlainDisplayUpdate_IsStillLostInTheRealKernel()
    {
        // The kernel defect LiveDisplay works around. When this fails (Jupyter shows "second"), the kernel is fixed.
        var outputs = Outputs(await Executed.Value, 3);

        var shown = Assert.Single(outputs);
        Assert.Equal("first", Text(shown!["data"]!["text/plain"]!));
    }

    private static async Task<JsonNode> ExecuteAsync()
    {
        string bin = Path.Combine(BrowserTests.RepositoryRoot(), "lib", "NotebookMnist", "bin") + "/";
        string folder = Directory.CreateTempSubdirectory("jupyter-live-chart-").FullName;
        string input = Path.Combine(folder, "live.ipynb");
        string[] cells =
        [
            $"#r \"{bin}NotebookMnist.dll\"\n#r \"{bin}TorchSharp.dll\"\n#r \"{bin}Microsoft.Data.Analysis.dll\"\n" +
            "using TorchSharp;\nusing static TorchSharp.torch;\nusing Microsoft.Data.Analysis;\nusing NotebookMnist;\nNotebookSetup.Apply();",
            ChartCell,
            "NotebookMnist.Tables.Frames.FromColumns((\"loss\", new[] { 0.5, 0.25 }))",
            "var shown = display(\"first\"); shown.Update(\"second\");",
        ];
        var notebook = new JsonObject
        {
            ["nbformat"] = 4, ["nbformat_minor"] = 4,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["display_name"] = ".NET (C#)", ["language"] = "C#" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            },
            ["cells"] = new JsonArray(cells.Select(source => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = new JsonObject(),
                ["outputs"] = new JsonArray(), ["source"] = source,
            }).ToArray()),
        };
        File.WriteAllText(input, notebook.ToJsonString());
        var (exit, log) = await Jupyter.RunAsync(
            ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=300", "--output", "live.out.ipynb", input],
            folder, TimeSpan.FromMinutes(6));
        string output = Path.Combine(folder, "live.out.ipynb");
        Assert.True(exit == 0 && File.Exists(output), $"jupyter nbconvert --execute exited with {exit}:\n{log}");
        return JsonNode.Parse(File.ReadAllText(output))!;
    }

    private static List<JsonNode?> Outputs(JsonNode notebook, int cell) =>
        notebook["cells"]![cell]!["outputs"]!.AsArray().ToList();

    private static JsonNode Plotly(JsonNode data) => data is JsonValue ? JsonNode.Parse((string)data!)! : data;

    private static string Text(JsonNode data) =>
        data is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)data ?? "";
}

/// <summary>A fact that needs Jupyter and the .NET Interactive kernel: skipped, with the reason, when either is missing.</summary>
/// <remarks>
/// Needs <c>jupyter</c> (Debian: jupyter-nbconvert, python3-nbclient, jupyter-client), the tool
/// (<c>dotnet tool install -g Microsoft.dotnet-interactive --version 1.0.712001</c>) and its kernelspec
/// (<c>dotnet interactive jupyter install</c>, which registers ".net-csharp").
/// </remarks>
public sealed class JupyterFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(FindMissing);

    /// <summary>Sets <see cref="FactAttribute.Skip"/> when a piece is missing.</summary>
    public JupyterFactAttribute()
    {
        if (Missing.Value is { } reason) Skip = reason;
    }

    private static string? FindMissing()
    {
        if (Jupyter.Which("jupyter") is null)
            return "Needs `jupyter` on PATH (apt-get install jupyter-nbconvert python3-nbclient jupyter-client).";
        if (Jupyter.Which("dotnet-interactive") is null)
            return "Needs the kernel: dotnet tool install -g Microsoft.dotnet-interactive --version 1.0.712001.";
        var (exit, log) = Jupyter.RunAsync(["kernelspec", "list", "--json"], Path.GetTempPath(), TimeSpan.FromMinutes(1)).Result;
        return exit == 0 && log.Contains("\".net-csharp\"", StringComparison.Ordinal)
            ? null
            : "Needs the kernelspec .net-csharp: dotnet interactive jupyter install.";
    }
}

/// <summary>Runs jupyter with the .NET tools folder on PATH (the kernelspec starts `dotnet interactive`).</summary>
internal static class Jupyter
{
    private static readonly string ToolsFolder = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");

    private static string SearchPath =>
        string.Join(Path.PathSeparator, new[] { Environment.GetEnvironmentVariable("PATH") ?? "", ToolsFolder }.Where(p => p.Length > 0));

    /// <summary>The full path of <paramref name="name"/> on PATH (plus ~/.dotnet/tools), or null.</summary>
    public static string? Which(string name) =>
        SearchPath.Split(Path.PathSeparator).Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    /// <summary>Runs <c>jupyter</c> with <paramref name="arguments"/>; returns its exit code and its stdout + stderr.</summary>
    public static async Task<(int Exit, string Log)> RunAsync(string[] arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Which("jupyter") ?? "jupyter")
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PATH"] = SearchPath;
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout.TotalSeconds} s\n{await stdout}{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
