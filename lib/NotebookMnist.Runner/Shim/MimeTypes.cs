namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>The plain-text formatter's mime type, as in .NET Interactive.</summary>
public static class PlainTextFormatter
{
    /// <summary><c>text/plain</c>.</summary>
    public const string MimeType = "text/plain";
}

/// <summary>The HTML formatter's mime type, as in .NET Interactive.</summary>
public static class HtmlFormatter
{
    /// <summary><c>text/html</c>.</summary>
    public const string MimeType = "text/html";
}

/// <summary>The JSON formatter's mime type, as in .NET Interactive.</summary>
public static class JsonFormatter
{
    /// <summary><c>application/json</c>.</summary>
    public const string MimeType = "application/json";
}
