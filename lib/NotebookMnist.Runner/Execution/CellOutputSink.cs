namespace NotebookMnist.Runner.Execution;

/// <summary>Collects one cell's outputs in call order; thread-safe; writes after <see cref="Close"/> are dropped.</summary>
public sealed class CellOutputSink
{
    private readonly List<CellOutput> _outputs = [];
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

    /// <summary>Appends console text, merging it into the previous output when that is the same stream.</summary>
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

    /// <summary>Adds a display output and returns its id.</summary>
    public string AddDisplay(IReadOnlyDictionary<string, string> data)
    {
        lock (_gate)
        {
            var id = $"display-{++_nextId}";
            if (!_closed) _outputs.Add(new DisplayOutput(id, data));
            return id;
        }
    }

    /// <summary>Replaces the data of an earlier display output in place.</summary>
    public void ReplaceDisplay(string displayId, IReadOnlyDictionary<string, string> data)
    {
        lock (_gate)
        {
            if (_closed) return;
            foreach (var output in _outputs)
                if (output is DisplayOutput display && display.DisplayId == displayId) display.Data = data;
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
