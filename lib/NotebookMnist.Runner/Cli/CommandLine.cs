using System.CommandLine;

namespace NotebookMnist.Runner.Cli;

/// <summary>The <c>nbrun</c> command line: run notebooks (default) or measure the runner's overhead (<c>bench</c>).</summary>
public static class CommandLine
{
    /// <summary>Parses and runs, writing to the process's stdout and stderr as opened at start-up (see
    /// <see cref="ConsoleStreams"/>); a run stops on Ctrl-C or SIGTERM and still writes what ran (see
    /// <see cref="Interruption"/>). Returns the exit code: 0 ok, 2 a cell failed, 1 usage or IO error, 130 or 143
    /// interrupted.</summary>
    public static Task<int> InvokeAsync(string[] args)
    {
        ConsoleStreams.Capture();
        return Invoke(Build(ConsoleStreams.Out, ConsoleStreams.Error, listenToSignals: true), args, ConsoleStreams.Out, ConsoleStreams.Error);
    }

    /// <summary>Parses and runs, writing progress and the summary to <paramref name="output"/>, warnings and errors
    /// (usage errors included) to <paramref name="error"/>. Signals are left to the host process.</summary>
    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error) =>
        Invoke(Build(output, error), args, output, error);

    // System.CommandLine's own Ctrl-C handling (cancel, then exit 130 after 2 s whatever the command is doing) is off:
    // a run handles the signal itself (Interruption), other commands end as a console program does.
    private static Task<int> Invoke(RootCommand root, string[] args, TextWriter output, TextWriter error) =>
        root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null });

    /// <summary>Builds the root command with its options and the <c>bench</c> subcommand, writing to the console streams.</summary>
    public static RootCommand Build() => Build(ConsoleStreams.Out, ConsoleStreams.Error);

    /// <summary>Builds the root command with its options and the <c>bench</c> subcommand; with
    /// <paramref name="listenToSignals"/> a run stops on Ctrl-C or SIGTERM and writes what ran.</summary>
    public static RootCommand Build(TextWriter stdout, TextWriter stderr, bool listenToSignals = false)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Notebook files, or folders whose *.ipynb run in name order.", Arity = ArgumentArity.OneOrMore,
        };
        var parameters = new Option<string[]>("--parameter", "-p")
        {
            Description = "name=value after the cell tagged `parameters` (repeatable; name a C# identifier, value a number, bool or string).",
            AllowMultipleArgumentsPerToken = false,
        };
        var timeout = new Option<double>("--timeout") { Description = "Seconds a cell may run (a positive, finite number).", DefaultValueFactory = _ => 600 };
        var continueOnError = new Option<bool>("--continue-on-error") { Description = "Run the remaining cells after a failure." };
        var inPlace = new Option<bool>("--in-place") { Description = "Overwrite the input notebooks with the executed ones." };
        var output = new Option<string?>("--output", "-o") { Description = "Folder for executed notebooks (default artifacts/notebooks)." };
        var noHtml = new Option<bool>("--no-html") { Description = "Do not write HTML pages (artifacts/html)." };
        var junit = new Option<string?>("--junit") { Description = "JUnit XML path (default artifacts/junit.xml)." };
        var jobs = new Option<int?>("--jobs", "-j")
        {
            Description = $"Notebooks run at once, each in its own kernel (default: one per processor, here {RunCommand.DefaultJobs}).",
        };
        var root = new RootCommand("nbrun: runs Polyglot (.NET Interactive) C# notebooks headlessly and writes their outputs.")
        {
            paths, parameters, timeout, continueOnError, inPlace, output, noHtml, junit, jobs,
        };
        root.Subcommands.Add(BenchCommand.Build());
        root.SetAction(async (result, _) =>
        {
            using var interruption = listenToSignals ? Interruption.FromSignals() : null;
            return await RunCommand.ExecuteAsync(new RunCommand.Settings(
                result.GetValue(paths) ?? [], result.GetValue(parameters) ?? [], result.GetValue(timeout),
                result.GetValue(continueOnError), result.GetValue(inPlace), result.GetValue(output), result.GetValue(noHtml),
                result.GetValue(junit), result.GetValue(jobs)), stdout, stderr, interruption);
        });
        return root;
    }
}
