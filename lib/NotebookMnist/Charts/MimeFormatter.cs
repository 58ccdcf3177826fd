namespace NotebookMnist.Charts;

/// <summary>One formatter of the .NET Interactive convention: a type, a mime type and a <c>Format</c> method.</summary>
/// <remarks>
/// A kernel (VS Code's, or our runner) finds these through <see cref="Formatting.TypeFormatterSourceAttribute"/> and
/// calls them by reflection: <c>MimeType</c>, <c>Type</c> and <c>bool Format(object, TextWriter)</c>.
/// </remarks>
public sealed class MimeFormatter
{
    private readonly Func<object, string> _format;

    /// <summary>Creates a formatter for <paramref name="type"/> that writes <paramref name="format"/>'s text.</summary>
    public MimeFormatter(Type type, string mimeType, Func<object, string> format)
    {
        Type = type ?? throw new ArgumentNullException(nameof(type));
        MimeType = mimeType ?? throw new ArgumentNullException(nameof(mimeType));
        _format = format ?? throw new ArgumentNullException(nameof(format));
    }

    /// <summary>The type this formatter formats.</summary>
    public Type Type { get; }

    /// <summary>The mime type it produces.</summary>
    public string MimeType { get; }

    /// <summary>Writes <paramref name="instance"/> in <see cref="MimeType"/>; false when the instance is not a <see cref="Type"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is null || !Type.IsInstanceOfType(instance)) return false;
        writer.Write(_format(instance));
        return true;
    }

    /// <summary>Describes the formatter, e.g. "PlotlyFigure → text/html".</summary>
    public override string ToString() => $"{Type.Name} → {MimeType}";
}
