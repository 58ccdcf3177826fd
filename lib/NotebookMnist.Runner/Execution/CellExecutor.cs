using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookMnist.Runner.Formatting;

namespace NotebookMnist.Runner.Execution;

/// <summary>Runs one C# code cell: magics, packages, compile, run with a watchdog, return value, <c>#!time</c>.</summary>
internal sealed class CellExecutor(ScriptHost host, PackageRestorer restorer, string notebookFileName, TimeSpan timeout)
{
    /// <summary>The outcome before the runner adds cell numbers and status.</summary>
    public sealed record Outcome(CellErrorKind ErrorKind, string? Error, int? Line, bool TimedOut);

    /// <summary>Executes the cell's source, writing outputs to <paramref name="sink"/>.</summary>
    public async Task<Outcome> ExecuteAsync(string source, int cellIndex, CellOutputSink sink)
    {
        var clock = Stopwatch.StartNew();
        CellContext.Current = sink;
        try
        {
            var prepared = MagicParser.Parse(source);
            if (prepared.Error is not null) return Fail(sink, CellErrorKind.Magic, prepared.Error, LineOf(prepared.Error));
            if (prepared.Packages.Count > 0 || prepared.Sources.Count > 0)
            {
                var restored = await restorer.AddAsync(prepared.Packages, prepared.Sources);
                if (restored.Error is not null) return Fail(sink, CellErrorKind.Package, restored.Error, null);
                host.AddReferences(restored.NewReferences);
                sink.AddDisplay(new Dictionary<string, string> { ["text/html"] = restorer.InstalledHtml(restored.Installed) });
            }
            var outcome = await RunCodeAsync(prepared.Code, cellIndex, sink);
            if (outcome.ErrorKind == CellErrorKind.None && prepared.Time)
                sink.AddDisplay(new Dictionary<string, string>
                {
                    ["text/plain"] = $"Wall time: {clock.Elapsed.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms",
                });
            return outcome;
        }
        finally
        {
            CellContext.Current = null;
            sink.Close();
        }
    }

    private async Task<Outcome> RunCodeAsync(string code, int cellIndex, CellOutputSink sink)
    {
        if (string.IsNullOrWhiteSpace(code)) return new Outcome(CellErrorKind.None, null, null, false);
        var (script, errors) = host.Compile(code, $"{notebookFileName}#cell-{cellIndex}");
        if (errors.Count > 0)
        {
            var message = string.Join("\n", errors.Select(Describe));
            return Fail(sink, CellErrorKind.Compile, message, errors[0].Location.GetLineSpan().StartLinePosition.Line + 1);
        }
        var run = host.StartAsync(script);
        if (await Task.WhenAny(run, Task.Delay(timeout)) != run)
        {
            sink.Close();
            var text = $"Cell {cellIndex} did not finish within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (--timeout); the notebook was stopped because its state is unknown.";
            sink.AddError(text);
            return new Outcome(CellErrorKind.Timeout, text, null, true);
        }
        var state = await run;
        host.Advance(state);
        if (state.Exception is { } exception)
        {
            var text = StackTrimmer.Trim(exception);
            return Fail(sink, CellErrorKind.Runtime, text, StackTrimmer.LineInCell(exception, $"{notebookFileName}#cell-{cellIndex}"));
        }
        if (!HasReturnValue(script) || state.ReturnValue is DisplayedValue) return new Outcome(CellErrorKind.None, null, null, false);
        try { sink.AddDisplay(ValueFormatter.FormatBundle(state.ReturnValue, null)); }
        catch (Exception ex)
        {
            var inner = ex is System.Reflection.TargetInvocationException { InnerException: { } cause } ? cause : ex;
            return Fail(sink, CellErrorKind.Runtime, "Formatting the cell's value failed: " + StackTrimmer.Trim(inner), null);
        }
        return new Outcome(CellErrorKind.None, null, null, false);
    }

    private static bool HasReturnValue(Microsoft.CodeAnalysis.Scripting.Script script)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        var members = ((CompilationUnitSyntax)tree.GetRoot()).Members;
        var expression = members.LastOrDefault() switch
        {
            GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement } => statement.Expression,
            GlobalStatementSyntax { Statement: ReturnStatementSyntax { Expression: { } returned } } => returned,
            _ => null,
        };
        if (expression is null) return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        var message = TypeNames.StripSubmission(diagnostic.GetMessage(CultureInfo.InvariantCulture));
        return $"({position.Line + 1},{position.Character + 1}): error {diagnostic.Id}: {message}";
    }

    private static Outcome Fail(CellOutputSink sink, CellErrorKind kind, string message, int? line)
    {
        sink.AddError(message);
        return new Outcome(kind, message, line, false);
    }

    private static int? LineOf(string message)
    {
        var close = message.IndexOf(',');
        return message.StartsWith('(') && close > 1 && int.TryParse(message[1..close], out var line) ? line : null;
    }
}
