using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookMnist.Charts;

/// <summary>One output in the running notebook that is shown once and then replaced in place (the live training chart).</summary>
/// <remarks>
/// <para><b>Kernel defect worked around here, and only here.</b> In .NET Interactive 1.0.0-beta.26120.1
/// (dotnet-interactive 1.0.712001, the kernel VS Code and Jupyter start), <c>display(x)</c> publishes x under one
/// display id and returns a <c>DisplayedValue</c> with a <em>new</em> id, so <c>display(x).Update(y)</c> sends y under
/// an id no front end has seen: Jupyter and VS Code, which replace by id, drop every update.
/// <c>KernelInvocationContextExtensions.Display(context, …)</c> publishes and returns the same <c>DisplayedValue</c>,
/// so its <c>Update</c> keeps the id. <c>LiveDisplayTests.KernelDefect_DisplayUpdate_StillChangesTheDisplayId</c> fails
/// once the kernel is fixed; then this class can become <c>display(x)</c> and <c>Update</c>.</para>
/// <para>Outside a kernel (no <see cref="KernelInvocationContext.Current"/>) nothing is shown and
/// <see cref="Show"/> returns false.</para>
/// </remarks>
public sealed class LiveDisplay
{
    private readonly string[] _mimeTypes;
    private DisplayedValue? _shown;

    /// <summary>A display that formats its values in <paramref name="mimeTypes"/> (none: the type's preferred ones).</summary>
    public LiveDisplay(params string[] mimeTypes) => _mimeTypes = mimeTypes ?? [];

    /// <summary>The display id of the output, once shown.</summary>
    public string? DisplayId => _shown?.DisplayId;

    /// <summary>Shows <paramref name="value"/> the first time and replaces it in place afterwards; false outside a kernel.</summary>
    public bool Show(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_shown is not null)
        {
            if (KernelInvocationContext.Current is null) return false;
            _shown.Update(value); // published to the cell now running, under the id of the first display
            return true;
        }
        if (KernelInvocationContext.Current is not { } context) return false;
        NotebookSetup.RegisterFormatters();
        _shown = context.Display(value, _mimeTypes);
        return true;
    }
}
