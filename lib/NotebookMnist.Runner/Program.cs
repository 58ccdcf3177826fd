using NotebookMnist.Runner.Cli;

return await CommandLine.InvokeAsync(args);
