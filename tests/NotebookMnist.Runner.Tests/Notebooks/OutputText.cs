using System.Globalization;
using System.Text.RegularExpressions;
using NotebookMnist.Runner.Execution;

namespace NotebookMnist.Runner.Tests.Notebooks;

/// <summary>The readable text a notebook run produced: console output and text/plain displays, in cell order.</summary>
internal sealed class OutputText
{
    public OutputText(NotebookRunResult result)
    {
        var parts = new List<string>();
        foreach (var cell in result.Cells)
        {
            foreach (var output in cell.Outputs)
            {
                if (output is StreamOutput stream) parts.Add(stream.Text);
                else if (output is DisplayOutput display && display.Data.TryGetValue("text/plain", out var text)) parts.Add(text + "\n");
            }
        }
        Text = string.Concat(parts);
        Results = string.Concat(result.Cells.Where(c => c.Tags.Contains("results")).SelectMany(TextOf));
        MimeTypes = result.Cells.SelectMany(c => c.Outputs).OfType<DisplayOutput>().SelectMany(d => d.Data.Keys).ToList();
    }

    public string Text { get; }

    /// <summary>The text of the cells tagged <c>results</c> only: what the runner prints as the notebook's headline numbers.</summary>
    public string Results { get; }

    private static IEnumerable<string> TextOf(CellRunResult cell)
    {
        foreach (var output in cell.Outputs)
        {
            if (output is StreamOutput stream) yield return stream.Text;
            else if (output is DisplayOutput display && display.Data.TryGetValue("text/plain", out var text)) yield return text + "\n";
        }
    }

    /// <summary>Asserts a results cell's text contains <paramref name="expected"/>, showing that text when it does not.</summary>
    public void ResultsContain(string expected) =>
        Assert.True(Results.Contains(expected, StringComparison.Ordinal),
            $"Expected a cell tagged results to print \"{expected}\". Results text:\n{Results}");

    /// <summary>The number captured by the first group of <paramref name="pattern"/> in the results cells' text.</summary>
    public double ResultNumber(string pattern)
    {
        var match = Regex.Match(Results, pattern, RegexOptions.Multiline);
        Assert.True(match.Success, $"Expected a cell tagged results to match /{pattern}/. Results text:\n{Results}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Every mime type of every display, one entry per display and type.</summary>
    public IReadOnlyList<string> MimeTypes { get; }

    /// <summary>Asserts the text contains <paramref name="expected"/>, showing the output when it does not.</summary>
    public void Contains(string expected) =>
        Assert.True(Text.Contains(expected, StringComparison.Ordinal), $"Expected the output to contain \"{expected}\". Output:\n{Text}");

    /// <summary>The number captured by the first group of <paramref name="pattern"/>, e.g. @"test accuracy: ([\d.]+)".</summary>
    public double Number(string pattern) => Numbers(pattern)[0];

    /// <summary>Every match's first group as a number, in order.</summary>
    public IReadOnlyList<double> Numbers(string pattern)
    {
        var values = Regex.Matches(Text, pattern, RegexOptions.Multiline)
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(values.Count > 0, $"Expected the output to match /{pattern}/. Output:\n{Text}");
        return values;
    }

    /// <summary>Asserts a number lies in [min, max].</summary>
    public static void InRange(double value, double min, double max, string what) =>
        Assert.True(value >= min && value <= max, $"Expected {what} in [{min}, {max}]. Received: {value}.");
}
