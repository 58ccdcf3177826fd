using System.CommandLine;

namespace NotebookMnist.Runner.Cli;

/// <summary>The <c>nbrun</c> command line: run notebooks (default) or measure the runner's overhead (<c>bench</c>).</summary>
public static class CommandLine
{
    /// <summary>Parses and runs, writing to the process's stdout and stderr as opened at start-up (see
    /// <see cref="ConsoleStreams"/>); returns the exit code: 0 ok, 2 a cell failed, 1 usage or IO error.</summary>
    public static Task<int> InvokeAsync(string[] args)
    {
        ConsoleStreams.Capture();
        return InvokeAsync(args, ConsoleStreams.Out, ConsoleStreams.Error);
    }

    /// <summary>Parses and runs, writing progress and the summary to <paramref name="output"/>, warnings and errors
    /// (usage errors included) to <paramref name="error"/>.</summary>
    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error) =>
        Build(output, error).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

    /// <summary>Builds the root command with its options and the <c>bench</c> subcommand, writing to the console streams.</summary>
    public static RootCommand Build() => Build(ConsoleStreams.Out, ConsoleStreams.Error);

    /// <summary>Builds the root command with its options and the <c>bench</c> subcommand.</summary>
    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
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
        root.SetAction((result, _) => RunCommand.ExecuteAsync(new RunCommand.Settings(
            result.GetValue(paths) ?? [], result.GetValue(parameters) ?? [], result.GetValue(timeout),
            result.GetValue(continueOnError), result.GetValue(inPlace), result.GetValue(output), result.GetValue(noHtml),
            result.GetValue(junit), result.GetValue(jobs)), stdout, stderr));
        return root;
    }
}
