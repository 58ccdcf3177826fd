using NotebookMnist.Runner.Cli;
using NotebookMnist.Runner.Execution;

// The child that hosts one notebook's kernel (started by the runner itself, see KernelProcess).
if (args.Length > 0 && args[0] == KernelHost.Verb) return await KernelHost.RunAsync(args);

var code = await CommandLine.InvokeAsync(args);
Environment.Exit(code);
return code;
