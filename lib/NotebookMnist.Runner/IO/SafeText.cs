using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NotebookMnist.Runner.IO;

/// <summary>Makes cell output text safe for formats that reject some characters (XML 1.0, UTF-8 JSON).</summary>
public static partial class SafeText
{
    /// <summary>Replaces each lone UTF-16 surrogate with U+FFFD, which UTF-8 writers cannot encode; valid pairs stay.</summary>
    public static string ReplaceLoneSurrogates(string text)
    {
        var first = FirstLoneSurrogate(text);
        if (first < 0) return text;
        var builder = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) builder.Append(c).Append(text[++i]);
            else builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Text that XML 1.0 accepts: ANSI escape sequences (colours, cursor moves) removed, other control characters
    /// shown as <c>\u001B</c>-style escapes, lone surrogates and U+FFFE/U+FFFF replaced with U+FFFD.
    /// </summary>
    public static string ForXml(string text)
    {
        text = ReplaceLoneSurrogates(AnsiEscape().Replace(text, ""));
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\t' or '\n' or '\r' || (c >= 0x20 && c < 0x7F) || (c > 0x9F && c < 0xFFFE)) builder.Append(c);
            else if (c is '\uFFFE' or '\uFFFF') builder.Append('\uFFFD');
            else builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    private static int FirstLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            return i;
        }
        return -1;
    }

    /// <summary>An ANSI escape sequence: CSI (ESC [ parameters … final byte; the groups <c>params</c> and <c>final</c>),
    /// OSC (ESC ] … BEL or ESC \) or a two-character escape (ESC followed by one of @–_). The HTML pages read colours
    /// from it too (AnsiHtml).</summary>
    [GeneratedRegex(@"\x1B(?:\[(?<params>[0-?]*)[ -/]*(?<final>[@-~])|\][^\x07\x1B]*(?:\x07|\x1B\\)|[@-Z\\-_])")]
    internal static partial Regex AnsiEscape();
}
