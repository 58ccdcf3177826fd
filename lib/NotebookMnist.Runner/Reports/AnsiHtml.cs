using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NotebookMnist.Runner.Reports;

/// <summary>
/// Text that a cell printed, with its ANSI escape sequences, as HTML: colours and bold, italic and underline become
/// spans (the classes Jupyter's pages use: <c>ansi-red-fg</c>, <c>ansi-bold</c>, …; 256 and 24-bit colours become inline
/// styles), and every other escape (cursor moves, erasing) is dropped instead of showing as raw <c>←[31m</c> text.
/// </summary>
public static class AnsiHtml
{
    private static readonly string[] Names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"];

    /// <summary>HTML-encoded <paramref name="text"/> with its SGR escapes turned into spans.</summary>
    public static string Convert(string text)
    {
        if (text.IndexOf('\u001b') < 0) return WebUtility.HtmlEncode(text);
        var html = new StringBuilder(text.Length + 64);
        var style = new Style();
        var open = false;
        var at = 0;
        foreach (Match escape in IO.SafeText.AnsiEscape().Matches(text))
        {
            html.Append(Plain(text[at..escape.Index]));
            at = escape.Index + escape.Length;
            if (escape.Groups["final"].Value != "m") continue; // not a colour or weight (or not CSI at all): dropped
            style = style.Apply(escape.Groups["params"].Value);
            if (open) html.Append("</span>");
            var attributes = style.ToAttributes();
            open = attributes is not null;
            if (open) html.Append("<span").Append(attributes).Append('>');
        }
        html.Append(Plain(text[at..]));
        if (open) html.Append("</span>");
        return html.ToString();
    }

    /// <summary>Encoded text; a stray ESC that starts no sequence is dropped too.</summary>
    private static string Plain(string text) => WebUtility.HtmlEncode(text.Replace("\u001b", "", StringComparison.Ordinal));

    /// <summary>CSS for the classes <see cref="Convert"/> writes (Jupyter's palette).</summary>
    public const string Css = """
        .ansi-bold { font-weight: bold; } .ansi-italic { font-style: italic; } .ansi-underline { text-decoration: underline; }
        .ansi-black-fg { color: #3e424d; } .ansi-red-fg { color: #e75c58; } .ansi-green-fg { color: #00a250; }
        .ansi-yellow-fg { color: #ddb62b; } .ansi-blue-fg { color: #208ffb; } .ansi-magenta-fg { color: #d160c4; }
        .ansi-cyan-fg { color: #60c6c8; } .ansi-white-fg { color: #c5c1b4; }
        .ansi-black-bg { background-color: #3e424d; } .ansi-red-bg { background-color: #e75c58; }
        .ansi-green-bg { background-color: #00a250; } .ansi-yellow-bg { background-color: #ddb62b; }
        .ansi-blue-bg { background-color: #208ffb; } .ansi-magenta-bg { background-color: #d160c4; }
        .ansi-cyan-bg { background-color: #60c6c8; } .ansi-white-bg { background-color: #c5c1b4; }
        .ansi-bright-black-fg { color: #282c36; } .ansi-bright-red-fg { color: #b22b31; }
        .ansi-bright-green-fg { color: #007427; } .ansi-bright-yellow-fg { color: #b27d12; }
        .ansi-bright-blue-fg { color: #0065ca; } .ansi-bright-magenta-fg { color: #a03196; }
        .ansi-bright-cyan-fg { color: #258f8f; } .ansi-bright-white-fg { color: #a1a6b2; }
        """;

    /// <summary>The state SGR codes change; a colour is a class name (<c>red</c>, <c>bright-red</c>) or a CSS colour.</summary>
    private sealed record Style(bool Bold = false, bool Italic = false, bool Underline = false, string? Fore = null, string? Back = null)
    {
        public Style Apply(string parameters)
        {
            var codes = parameters.Length == 0 ? [0]
                : parameters.Split(';').Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
            var style = this;
            for (var i = 0; i < codes.Length; i++)
            {
                var code = codes[i];
                style = code switch
                {
                    0 => new Style(),
                    1 => style with { Bold = true },
                    3 => style with { Italic = true },
                    4 => style with { Underline = true },
                    22 => style with { Bold = false },
                    23 => style with { Italic = false },
                    24 => style with { Underline = false },
                    >= 30 and <= 37 => style with { Fore = Names[code - 30] },
                    >= 90 and <= 97 => style with { Fore = "bright-" + Names[code - 90] },
                    39 => style with { Fore = null },
                    >= 40 and <= 47 => style with { Back = Names[code - 40] },
                    >= 100 and <= 107 => style with { Back = Names[code - 100] }, // bright backgrounds as the plain ones
                    49 => style with { Back = null },
                    38 or 48 => Extended(style, code == 38, codes, ref i),
                    _ => style,
                };
            }
            return style;
        }

        /// <summary><c>38;5;n</c> (the 256-colour table) or <c>38;2;r;g;b</c>, for the foreground (38) or background (48).</summary>
        private static Style Extended(Style style, bool fore, int[] codes, ref int i)
        {
            string? colour = null;
            if (i + 2 < codes.Length && codes[i + 1] == 5)
            {
                colour = Table(codes[i + 2]);
                i += 2;
            }
            else if (i + 4 < codes.Length && codes[i + 1] == 2)
            {
                colour = Rgb(codes[i + 2], codes[i + 3], codes[i + 4]);
                i += 4;
            }
            if (colour is null) return style;
            return fore ? style with { Fore = colour } : style with { Back = colour };
        }

        /// <summary>The 256-colour table: 0–15 the named colours, 16–231 a 6×6×6 cube, 232–255 greys.</summary>
        private static string? Table(int n) => n switch
        {
            < 0 or > 255 => null,
            < 8 => Names[n],
            < 16 => "bright-" + Names[n - 8],
            < 232 => Rgb(Level((n - 16) / 36), Level((n - 16) / 6 % 6), Level((n - 16) % 6)),
            _ => Rgb(8 + 10 * (n - 232), 8 + 10 * (n - 232), 8 + 10 * (n - 232)),
        };

        private static int Level(int step) => step == 0 ? 0 : 55 + 40 * step;

        private static string Rgb(int r, int g, int b) =>
            $"rgb({Math.Clamp(r, 0, 255)},{Math.Clamp(g, 0, 255)},{Math.Clamp(b, 0, 255)})";

        /// <summary>The span's attributes, or null for the plain style.</summary>
        public string? ToAttributes()
        {
            var classes = new List<string>();
            var css = new List<string>();
            if (Bold) classes.Add("ansi-bold");
            if (Italic) classes.Add("ansi-italic");
            if (Underline) classes.Add("ansi-underline");
            if (Fore is { } fore)
            {
                if (fore.StartsWith("rgb", StringComparison.Ordinal)) css.Add($"color: {fore}");
                else classes.Add($"ansi-{fore}-fg");
            }
            if (Back is { } back)
            {
                if (back.StartsWith("rgb", StringComparison.Ordinal)) css.Add($"background-color: {back}");
                else classes.Add($"ansi-{back.Replace("bright-", "", StringComparison.Ordinal)}-bg");
            }
            if (classes.Count == 0 && css.Count == 0) return null;
            var attributes = classes.Count > 0 ? $" class=\"{string.Join(' ', classes)}\"" : "";
            return css.Count > 0 ? attributes + $" style=\"{string.Join("; ", css)}\"" : attributes;
        }
    }
}
