using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace NotebookMnist.Runner.Execution;

/// <summary>
/// Builds the kernel a notebook runs in: a genuine <see cref="CSharpKernel"/> inside a <see cref="CompositeKernel"/>,
/// set up as VS Code's kernel (the dotnet-interactive tool) sets it up.
/// </summary>
/// <remarks>
/// The packages carry the kernel, <c>#r</c>, <c>#i</c>, <c>#!who</c>, <c>#!whos</c>, <c>#!set</c>, <c>#!share</c>
/// and the formatters. Four pieces live only in the tool (its Jupyter and App assemblies, not served as packages), so
/// they are written here: the parameterless <c>UseNugetDirective</c>, <c>#!time</c>, <c>#!lsmagic</c> and <c>#!about</c>.
/// </remarks>
internal static class KernelFactory
{
    /// <summary>A composite kernel whose default (and only) subkernel is C#.</summary>
    public static CompositeKernel Create()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective()
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        EmitLineNumbers(csharp);
        var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = csharp.Name;
        composite.UseTime().UseLsMagic().UseAbout();
        return composite;
    }

    /// <summary>
    /// Compiles cells with debug information, so a runtime error's stack frames carry the line in the cell (CellErrors
    /// maps them to the cell's own lines). The kernel has no public switch for it: its script options are a private
    /// field, set here through reflection. Without the field (another kernel version) errors just have no line; the
    /// runner's tests assert the line, so such a version is noticed. Code is compiled as before otherwise (the same
    /// optimization level); only the debug information is added.
    /// </summary>
    private static void EmitLineNumbers(CSharpKernel kernel)
    {
        var field = typeof(CSharpKernel).GetField("_scriptOptions", BindingFlags.NonPublic | BindingFlags.Instance);
        if (field?.GetValue(kernel) is Microsoft.CodeAnalysis.Scripting.ScriptOptions options)
            field.SetValue(kernel, options.WithEmitDebugInformation(true));
    }

    /// <summary>
    /// <c>#r "nuget: Name, Version"</c> and <c>#i</c>: the restored assemblies are referenced by the C# kernel (the
    /// tool's parameterless overload; the package only has the one taking a callback).
    /// </summary>
    private static CSharpKernel UseNugetDirective(this CSharpKernel kernel) =>
        kernel.UseNugetDirective((csharp, packages) =>
        {
            csharp.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
            return Task.CompletedTask;
        });

    /// <summary><c>#!time</c>: after the cell, displays <c>Wall time: …ms</c> (plain text), as the tool does.</summary>
    private static CompositeKernel UseTime(this CompositeKernel kernel)
    {
        kernel.AddDirective(new KernelActionDirective("#!time") { Description = "Time the execution of the cell." },
            (_, context) =>
            {
                var clock = Stopwatch.StartNew();
                context.OnComplete(done =>
                {
                    var text = $"Wall time: {clock.Elapsed.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms";
                    done.Publish(new DisplayedValueProduced(clock.Elapsed, done.Command, [new FormattedValue("text/plain", text)]));
                });
                return Task.CompletedTask;
            });
        return kernel;
    }

    /// <summary><c>#!lsmagic</c>: lists each kernel's visible directives, one block per kernel.</summary>
    private static CompositeKernel UseLsMagic(this CompositeKernel kernel)
    {
        kernel.VisitSubkernelsAndSelf(k => k.AddDirective(
            new KernelActionDirective("#!lsmagic") { Description = "List the available magic commands / directives." }, (_, context) =>
        {
            var root = context.HandlingKernel.RootKernel;
            IEnumerable<Kernel> kernels = root is CompositeKernel composite ? [root, .. composite] : [root];
            foreach (var each in kernels)
            {
                var names = each.KernelInfo.SupportedDirectives.Where(d => !d.Hidden).Select(d => d.Name).Order(StringComparer.Ordinal).ToList();
                if (names.Count == 0) continue;
                var html = $"<div><h3>{each.Name} kernel</h3>{string.Concat(names.Select(n => $"<pre>{System.Net.WebUtility.HtmlEncode(n)}</pre>"))}</div>";
                var text = $"{each.Name} kernel\n" + string.Concat(names.Select(n => $"    {n}\n"));
                context.Publish(new DisplayedValueProduced(names, context.Command,
                    [new FormattedValue("text/html", html), new FormattedValue("text/plain", text)]));
            }
            return Task.CompletedTask;
        }));
        return kernel;
    }

    /// <summary><c>#!about</c>: the kernel library's version, as the tool shows it.</summary>
    private static CompositeKernel UseAbout(this CompositeKernel kernel)
    {
        kernel.AddDirective(new KernelActionDirective("#!about") { Description = "Show version and build information." },
            (_, context) =>
            {
                var version = typeof(Kernel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
                var text = $".NET Interactive\nLibrary version: {version}\nHost: nbrun (headless)";
                var html = $"<p><b>.NET Interactive</b></p><p><b>Library version: </b>{System.Net.WebUtility.HtmlEncode(version)}</p><p><b>Host: </b>nbrun (headless)</p>";
                context.Publish(new DisplayedValueProduced(text, context.Command,
                    [new FormattedValue("text/html", html), new FormattedValue("text/plain", text)]));
                return Task.CompletedTask;
            });
        return kernel;
    }
}
