using System.Diagnostics;
using NotebookMnist.Runner.Tests.Notebooks;

namespace NotebookMnist.Runner.Tests;

/// <summary>
/// A second opinion: the ecosystem's own headless runner, dotnet-repl 0.3.259 (a local tool in .config/dotnet-tools.json),
/// runs every notebook in notebooks/ and must exit 0.
/// </summary>
/// <remarks>
/// dotnet-repl resolves the notebooks' <c>#r "../lib/..."</c> against its current folder (its --working-dir does not
/// help), so it is started from notebooks/.
/// </remarks>
[Collection(NotebookCollection.Name)]
public class DotnetReplTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    public static TheoryData<string> Notebooks() => new(RepositoryPaths.NotebookNames());

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task DotnetRepl_RunsEveryNotebook_ExitsZero(string name)
    {
        var (restored, restoreLog) = await DotnetAsync(RepositoryPaths.Root, ["tool", "restore"]);
        Assert.True(restored == 0, $"`dotnet tool restore` failed:\n{restoreLog}");
        var output = Path.Combine(Directory.CreateTempSubdirectory("dotnet-repl-").FullName, name);

        var (exit, log) = await DotnetAsync(RepositoryPaths.NotebooksFolder,
            ["tool", "run", "dotnet-repl", "--", "--run", name, "--exit-after-run", "--output-path", output]);

        Assert.True(exit == 0, $"dotnet-repl exited {exit} on {name}:\n{log}");
        Assert.True(File.Exists(output), $"Expected dotnet-repl to write {output}. Received: no file.");
        if (NotebookTests.ShowTables.Contains(name))
            Assert.True(NotebookTests.HasHtmlTable(output),
                $"Expected dotnet-repl to show {name}'s DataFrames as HTML tables. Received: no <table> in a text/html output.");
    }

    private static async Task<(int ExitCode, string Log)> DotnetAsync(string folder, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try { await process.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {Limit.TotalMinutes} min\n{Tail(await stdout)}");
        }
        return (process.ExitCode, Tail(await stdout) + "\n" + Tail(await stderr));
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}
