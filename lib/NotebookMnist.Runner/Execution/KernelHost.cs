using System.IO.Pipes;
using System.Reactive.Linq;
using System.Text;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookMnist.Runner.Execution;

/// <summary>
/// <c>nbrun kernel-host --pipe NAME</c>: the child process that owns one notebook's kernel. It connects to the parent's
/// pipe, builds the kernel, and runs each cell it is sent, streaming the kernel's events back as they happen.
/// </summary>
internal static class KernelHost
{
    /// <summary>The subcommand name the parent starts.</summary>
    public const string Verb = "kernel-host";

    /// <summary>Serves cells until the parent closes the pipe; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var pipeName = args.Length == 3 && args[1] == "--pipe" ? args[2]
            : throw new ArgumentException($"Expected `{Verb} --pipe NAME`. Received: {string.Join(' ', args)}");
        // A terminal's Ctrl-C reaches the whole process group, this child too; the parent decides (it stops the cell by
        // killing this process, then writes the notebook), so the signal is ignored here.
        using var ctrlC = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGINT, context => context.Cancel = true);
        await using var pipe = new NamedPipeClientStream(".", pipeName, PipeDirection.InOut, PipeOptions.Asynchronous);
        await pipe.ConnectAsync(30_000);
        var reader = new StreamReader(pipe, new UTF8Encoding(false));
        var writer = new StreamWriter(pipe, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        var gate = new object();
        var current = 0;
        void Send(KernelMessage message)
        {
            lock (gate)
            {
                try { writer.WriteLine(message.ToLine()); }
                catch (IOException) { } // the parent has gone: nothing left to tell
            }
        }
        // A background thread or async void that throws ends this process: say which cell was running first.
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
            Send(new KernelMessage { Type = "fatal", Cell = Volatile.Read(ref current), Text = e.ExceptionObject.ToString() });

        try
        {
            using var kernel = KernelFactory.Create();
            using var events = kernel.KernelEvents.Subscribe(e =>
            {
                // Cell 0: the warm-up, or a background thread writing after its cell ended (the parent would drop it).
                var cell = Volatile.Read(ref current);
                if (cell != 0 && Translate(e, cell) is { } message) Send(message);
            });
            // Warm up: the first submission loads and JITs Roslyn (seconds); paid here, it does not count against the
            // first cell's --timeout. Its events belong to cell 0, which the parent ignores.
            await kernel.SendAsync(new SubmitCode("0"));
            Send(new KernelMessage { Type = "ready" });
            var csharp = kernel.ChildKernels.OfType<CSharpKernel>().Single();
            var submissions = new Dictionary<int, CellErrors.Submission>();
            var last = csharp.ScriptState?.Script;
            while (await reader.ReadLineAsync() is { } line)
            {
                var request = KernelMessage.Parse(line);
                Volatile.Write(ref current, request.Cell);
                var result = await kernel.SendAsync(new SubmitCode(request.Code ?? ""));
                // The cell's compiled code, under the number its stack frames carry (Submission#N), so that an error's
                // frames name the cell and the line in it. A cell that compiled nothing leaves the script as it was.
                if (csharp.ScriptState?.Script is { } script && !ReferenceEquals(script, last))
                {
                    submissions[SubmissionNumber(script)] = new CellErrors.Submission(request.Cell, request.Code ?? "", script.Code);
                    last = script;
                }
                Send(CellErrors.End(request.Cell, result.Events, submissions));
                Volatile.Write(ref current, 0);
            }
            return 0;
        }
        catch (Exception ex)
        {
            // Said here, while the pipe is still open (it is disposed before the runtime would report the exception).
            Send(new KernelMessage { Type = "fatal", Cell = Volatile.Read(ref current), Text = ex.ToString() });
            throw;
        }
    }

    /// <summary>Roslyn's number for a script in a chain of submissions: how many came before it.</summary>
    private static int SubmissionNumber(Microsoft.CodeAnalysis.Scripting.Script script)
    {
        var number = 0;
        for (var previous = script.Previous; previous is not null; previous = previous.Previous) number++;
        return number;
    }

    /// <summary>The message for an output event, or null for the kernel's bookkeeping events.</summary>
    private static KernelMessage? Translate(KernelEvent e, int cell) => e switch
    {
        StandardOutputValueProduced o => new KernelMessage { Type = "stdout", Cell = cell, Text = PlainText(o.FormattedValues) },
        StandardErrorValueProduced o => new KernelMessage { Type = "stderr", Cell = cell, Text = PlainText(o.FormattedValues) },
        DisplayedValueUpdated u => new KernelMessage { Type = "update", Cell = cell, Id = u.ValueId, Data = Bundle(u.FormattedValues) },
        DisplayEvent d => new KernelMessage { Type = "display", Cell = cell, Id = d.ValueId, Data = Bundle(d.FormattedValues) },
        _ => null,
    };

    private static string PlainText(IEnumerable<FormattedValue> values) =>
        values.FirstOrDefault(v => v.MimeType == "text/plain")?.Value ?? values.FirstOrDefault()?.Value ?? "";

    private static Dictionary<string, string> Bundle(IEnumerable<FormattedValue> values)
    {
        var bundle = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values) bundle.TryAdd(value.MimeType, value.Value);
        return bundle;
    }
}
