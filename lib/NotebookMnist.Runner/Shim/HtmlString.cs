namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>Markup that is displayed verbatim as <c>text/html</c> (what <c>HTML("...")</c> returns).</summary>
public sealed class HtmlString(string value)
{
    /// <summary>The markup.</summary>
    public string Value { get; } = value;

    /// <summary>Returns the markup.</summary>
    public override string ToString() => Value;
}
