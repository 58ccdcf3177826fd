namespace NotebookMnist.Runner.Execution;

/// <summary>
/// The one workaround for a kernel defect (Microsoft.DotNet.Interactive 1.0.0-beta.26120.1): <c>display(x)</c> returns
/// a <c>DisplayedValue</c> whose <c>DisplayId</c> is a new Guid, while the <c>DisplayedValueProduced</c> the kernel
/// published for <c>x</c> carries another one; so <c>.Update(y)</c> sends a <c>DisplayedValueUpdated</c> that matches
/// no output, and VS Code keeps showing <c>x</c>.
/// </summary>
/// <remarks>
/// The runner maps such an update back: the first time an unknown id arrives, it is bound to the latest display of
/// the cell that no update has claimed yet (the usual <c>var d = display(x); … d.Update(y)</c>), and later updates
/// with that id go to the same output. Two handles made before either is updated can be mapped wrongly; the library's
/// own live displays go through <c>KernelInvocationContext.Current</c>, whose ids match, and never reach this class.
/// <c>KernelTests.DisplayUpdate_KernelDefect_IdsStillDiffer</c> fails once the kernel is fixed: then delete this class.
/// </remarks>
internal sealed class DisplayIdDefect
{
    private readonly Dictionary<string, DisplayOutput> _bound = new(StringComparer.Ordinal);
    private readonly HashSet<DisplayOutput> _claimed = [];

    /// <summary>The output an update with an unknown id belongs to, or null when there is none to claim.</summary>
    public DisplayOutput? Target(string updateId, IReadOnlyList<DisplayOutput> displays)
    {
        if (_bound.TryGetValue(updateId, out var bound)) return bound;
        var target = displays.LastOrDefault(d => !_claimed.Contains(d));
        if (target is null) return null;
        _claimed.Add(target);
        _bound[updateId] = target;
        return target;
    }

    /// <summary>Marks an output as updated through its own id (so an unknown id never takes it).</summary>
    public void Claim(DisplayOutput display) => _claimed.Add(display);
}
