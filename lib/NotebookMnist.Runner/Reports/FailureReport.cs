using System.Text;

namespace NotebookMnist.Runner.Reports;

/// <summary>The console report of a failing cell: notebook, cell numbers, line, error, source between fences, stdout.</summary>
public static class FailureReport
{
    /// <summary>Describes one failing cell.</summary>
    public static string Describe(string notebookPath, CellRunResult cell)
    {
        var text = new StringBuilder();
        var where = cell.Line is { } line ? $", line {line}" : "";
        var what = cell.Status switch
        {
            CellStatus.UnexpectedSuccess => "expected an error (tagged raises-exception) but the cell succeeded",
            CellStatus.TimedOut => "timeout",
            _ when cell.ErrorKind == CellErrorKind.KernelExited => "kernel process exited",
            _ when cell.ErrorKind == CellErrorKind.Interrupted => "interrupted",
            _ => cell.ErrorKind.ToString().ToLowerInvariant() + " error",
        };
        text.Append($"{DisplayPath(notebookPath)}: cell {cell.Index} (code cell {cell.CodeIndex}){where}: {what}\n");
        if (cell.ErrorMessage is not null) text.Append(Indent(cell.ErrorMessage)).Append('\n');
        text.Append("```csharp\n");
        var lines = cell.Source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            text.Append(cell.Line == i + 1 ? "> " : "  ").Append($"{i + 1,3} | {lines[i]}\n");
        text.Append("```\n");
        if (cell.StandardOutput.Length > 0) text.Append("stdout:\n").Append(Indent(cell.StandardOutput.TrimEnd())).Append('\n');
        return text.ToString();
    }

    /// <summary>The path relative to the current folder, unless the full path is shorter.</summary>
    public static string DisplayPath(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return relative.Length <= full.Length ? relative : full;
    }

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "    " + l));
}
