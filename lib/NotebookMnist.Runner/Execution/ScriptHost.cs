using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookMnist.Runner.Execution;

/// <summary>
/// One Roslyn script state per notebook, configured like the .NET Interactive C# kernel (polyglot-spec §3.1):
/// default imports, framework references, resolvers based at the notebook folder, and a hidden first submission
/// <c>using static Microsoft.DotNet.Interactive.Kernel;</c>.
/// </summary>
public sealed class ScriptHost
{
    /// <summary>Imports every cell sees, as in the real kernel.</summary>
    public static readonly string[] DefaultImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    private static readonly string[] FrameworkAssemblies =
    [
        "System.Runtime", "System.Linq", "System.Collections", "System.Console", "System.Net.Http", "System.Text.Json",
        "System.Runtime.Numerics", "System.Data.Common", "System.IO.Compression", "System.ComponentModel",
        "System.ComponentModel.Primitives", "System.ComponentModel.TypeConverter", "System.ComponentModel.Annotations",
        "System.Collections.Concurrent", "System.Text.RegularExpressions", "System.Threading", "System.Memory",
        "System.Numerics.Vectors", "System.Runtime.Intrinsics", "System.Diagnostics.Process", "System.Net.Primitives",
        "System.Linq.Expressions", "System.ObjectModel", "System.Text.Encodings.Web", "System.Security.Cryptography",
        "System.Threading.Tasks.Parallel", "System.IO.Compression.ZipFile", "System.Xml.ReaderWriter", "System.Private.Uri",
    ];

    private ScriptOptions _options;
    private ScriptState<object> _state;

    private ScriptHost(ScriptOptions options, ScriptState<object> state)
    {
        _options = options;
        _state = state;
    }

    /// <summary>Creates the script state for a notebook in <paramref name="directory"/> and runs the hidden submission.</summary>
    public static async Task<ScriptHost> CreateAsync(string directory)
    {
        var options = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithImports(DefaultImports)
            .AddReferences(FrameworkAssemblies.Select(TryLoad).OfType<Assembly>())
            .AddReferences(typeof(Microsoft.DotNet.Interactive.Kernel).Assembly)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory))
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, directory))
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithFileEncoding(System.Text.Encoding.UTF8);
        var state = await Task.Run(() => CSharpScript.RunAsync("using static Microsoft.DotNet.Interactive.Kernel;", options));
        return new ScriptHost(options, state);
    }

    /// <summary>Makes assemblies (restored packages) visible to this and later cells.</summary>
    public void AddReferences(IEnumerable<string> paths) =>
        _options = _options.AddReferences(paths.Select(p => MetadataReference.CreateFromFile(p)));

    /// <summary>Compiles a cell; returns the script and its error diagnostics (empty when it compiled).</summary>
    public (Script<object> Script, IReadOnlyList<Diagnostic> Errors) Compile(string code, string filePath)
    {
        var script = _state.Script.ContinueWith(code, _options.WithFilePath(filePath));
        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return (script, errors);
    }

    /// <summary>Starts a compiled cell on the thread pool (never inline: user code may block).</summary>
    public Task<ScriptState<object>> StartAsync(Script<object> script) =>
        Task.Run(() => script.RunFromAsync(_state, _ => true));

    /// <summary>Moves the notebook on to the state after a cell (also after a runtime exception).</summary>
    public void Advance(ScriptState<object> state) => _state = state;

    private static Assembly? TryLoad(string name)
    {
        try { return Assembly.Load(name); }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException) { return null; }
    }
}
