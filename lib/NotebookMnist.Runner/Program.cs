using NotebookMnist.Runner.Cli;

var code = await CommandLine.InvokeAsync(args);
// A timed-out cell may still be running on a foreground thread it started: end the process anyway.
Environment.Exit(code);
return code;
