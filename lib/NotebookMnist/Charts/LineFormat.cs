namespace NotebookMnist.Charts;

/// <summary>A matplotlib format string such as "-", "m--", "g-.", "r:" turned into a plotly colour and dash.</summary>
/// <remarks>d2l's Animator styles its lines with <c>fmts=('-', 'm--', 'g-.', 'r:')</c>.</remarks>
public readonly record struct LineFormat(string? Color, string Dash)
{
    private static readonly Dictionary<char, string> Colors = new()
    {
        ['b'] = "#0000ff", ['g'] = "#008000", ['r'] = "#ff0000", ['c'] = "#00bfbf",
        ['m'] = "#bf00bf", ['y'] = "#bfbf00", ['k'] = "#000000", ['w'] = "#ffffff",
    };

    /// <summary>Parses a format: an optional colour letter (bgrcmykw) and an optional line style (-, --, -., :).</summary>
    /// <exception cref="ArgumentException">The format has other characters.</exception>
    public static LineFormat Parse(string fmt)
    {
        ArgumentNullException.ThrowIfNull(fmt);
        string? color = null;
        string style = fmt;
        if (fmt.Length > 0 && Colors.TryGetValue(fmt[0], out var c))
        {
            color = c;
            style = fmt[1..];
        }
        string dash = style switch
        {
            "" or "-" => "solid",
            "--" => "dash",
            "-." => "dashdot",
            ":" => "dot",
            _ => throw new ArgumentException(
                $"Expected `fmt` to be a colour letter (bgrcmykw) and a line style (-, --, -., :). Received: fmt=\"{fmt}\".",
                nameof(fmt)),
        };
        return new LineFormat(color, dash);
    }
}
