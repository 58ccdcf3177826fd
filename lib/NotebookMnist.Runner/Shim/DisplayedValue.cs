using NotebookMnist.Runner.Execution;
using NotebookMnist.Runner.Formatting;

namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>A handle to a displayed output; <see cref="Update"/> replaces that output in place.</summary>
public sealed class DisplayedValue
{
    private readonly CellOutputSink? _sink;
    private readonly string[] _mimeTypes;

    private DisplayedValue(CellOutputSink? sink, string displayId, object? value, string[] mimeTypes,
        IReadOnlyList<FormattedValue> formatted)
    {
        _sink = sink;
        DisplayId = displayId;
        Value = value;
        _mimeTypes = mimeTypes;
        FormattedValues = formatted;
    }

    /// <summary>The id of the output this handle updates.</summary>
    public string DisplayId { get; }

    /// <summary>The value last shown.</summary>
    public object? Value { get; private set; }

    /// <summary>The mime types the value is shown with.</summary>
    public IReadOnlyList<string> MimeTypes => _mimeTypes;

    /// <summary>The formatted representations last shown.</summary>
    public IReadOnlyList<FormattedValue> FormattedValues { get; private set; }

    /// <summary>Whether <see cref="Update"/> has been called.</summary>
    public bool IsUpdated { get; private set; }

    /// <summary>Formats a new value with the original mime types and replaces the earlier output with it.</summary>
    public void Update(object? updatedValue)
    {
        var bundle = ValueFormatter.FormatBundle(updatedValue, _mimeTypes);
        Value = updatedValue;
        IsUpdated = true;
        FormattedValues = ToFormattedValues(bundle);
        _sink?.ReplaceDisplay(DisplayId, bundle);
    }

    internal static DisplayedValue Show(object? value, string[] mimeTypes)
    {
        var bundle = ValueFormatter.FormatBundle(value, mimeTypes);
        var sink = CellContext.Current;
        var id = sink?.AddDisplay(bundle) ?? Guid.NewGuid().ToString("N");
        if (sink is null) CellContext.WriteOutsideCell(bundle);
        return new DisplayedValue(sink, id, value, bundle.Keys.ToArray(), ToFormattedValues(bundle));
    }

    private static List<FormattedValue> ToFormattedValues(IReadOnlyDictionary<string, string> bundle) =>
        bundle.Select(pair => new FormattedValue(pair.Key, pair.Value)).ToList();
}
