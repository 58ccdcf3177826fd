namespace NotebookMnist.Runner.Execution;

/// <summary>Collects one cell's outputs in the order the kernel produced them; thread-safe; writes after <see cref="Close"/> are dropped.</summary>
public sealed class CellOutputSink
{
    private readonly List<CellOutput> _outputs = [];
    private readonly DisplayIdDefect _defect = new();
    private readonly object _gate = new();
    private bool _closed;
    private int _nextId;

    /// <summary>A snapshot of the outputs so far.</summary>
    public IReadOnlyList<CellOutput> Outputs { get { lock (_gate) return _outputs.ToList(); } }

    /// <summary>All text written to stdout, for failure reports.</summary>
    public string StandardOutput
    {
        get { lock (_gate) return string.Concat(_outputs.OfType<StreamOutput>().Where(s => s.Name == "stdout").Select(s => s.Text)); }
    }

    /// <summary>Appends console text, joining it to the previous output when that is the same stream (the kernel sends one event per Write).</summary>
    public void AppendStream(string name, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_closed) return;
            if (_outputs.Count == 0 || _outputs[^1] is not StreamOutput last || last.Name != name)
                _outputs.Add(last = new StreamOutput(name));
            last.Buffer.Append(text);
        }
    }

    /// <summary>Adds a display output under the kernel's id (one is made up when it has none) and returns the id.</summary>
    public string AddDisplay(IReadOnlyDictionary<string, string> data, string? displayId = null)
    {
        lock (_gate)
        {
            var id = string.IsNullOrEmpty(displayId) ? $"display-{++_nextId}" : displayId;
            if (!_closed) _outputs.Add(new DisplayOutput(id, data));
            return id;
        }
    }

    /// <summary>
    /// Replaces the data of the display output the update targets, in place; an id no output has goes through
    /// <see cref="DisplayIdDefect"/>. Returns whether an output was replaced.
    /// </summary>
    public bool UpdateDisplay(string displayId, IReadOnlyDictionary<string, string> data)
    {
        lock (_gate)
        {
            if (_closed) return false;
            var displays = _outputs.OfType<DisplayOutput>().ToList();
            var target = displays.LastOrDefault(d => d.DisplayId == displayId);
            if (target is not null) _defect.Claim(target);
            else target = _defect.Target(displayId, displays);
            if (target is null) return false;
            target.Data = data;
            return true;
        }
    }

    /// <summary>Adds an error output (even after closing: the runner reports timeouts this way).</summary>
    public void AddError(string message)
    {
        lock (_gate) _outputs.Add(new ErrorOutput(message));
    }

    /// <summary>Stops accepting console text and displays (late writes from runaway threads are dropped).</summary>
    public void Close()
    {
        lock (_gate) _closed = true;
    }
}
