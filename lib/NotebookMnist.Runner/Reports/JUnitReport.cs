using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using NotebookMnist.Runner.IO;

namespace NotebookMnist.Runner.Reports;

/// <summary>JUnit XML for CI: one test suite per notebook, one test case per code cell, one error case per unreadable notebook.</summary>
/// <remarks>Every text from a cell passes through <see cref="SafeText.ForXml"/>, so the file is valid XML 1.0 whatever
/// the cells print (ANSI colours, control characters, lone surrogates).</remarks>
public static class JUnitReport
{
    /// <summary>Builds the report document.</summary>
    /// <param name="results">The notebooks that ran.</param>
    /// <param name="unreadable">Notebooks that could not be read or run: path and message.</param>
    public static XDocument Build(IReadOnlyList<NotebookRunResult> results, IReadOnlyList<(string Path, string Message)>? unreadable = null)
    {
        unreadable ??= [];
        var suites = new XElement("testsuites");
        foreach (var result in results)
        {
            var name = Safe(Path.GetFileName(result.NotebookPath));
            var cases = result.Cells.Where(c => c.CodeIndex > 0).Select(c => TestCase(name, c)).ToList();
            suites.Add(new XElement("testsuite",
                new XAttribute("name", name), new XAttribute("tests", cases.Count),
                new XAttribute("failures", result.Cells.Count(c => c.IsFailure)),
                new XAttribute("errors", 0), new XAttribute("skipped", result.Cells.Count(c => c.Status == CellStatus.NotRun)),
                new XAttribute("time", Seconds(result.Elapsed)), cases));
        }
        foreach (var (path, message) in unreadable)
        {
            var name = Safe(Path.GetFileName(path));
            suites.Add(new XElement("testsuite",
                new XAttribute("name", name), new XAttribute("tests", 1), new XAttribute("failures", 0),
                new XAttribute("errors", 1), new XAttribute("skipped", 0), new XAttribute("time", Seconds(TimeSpan.Zero)),
                new XElement("testcase", new XAttribute("classname", name), new XAttribute("name", "read notebook"), new XAttribute("time", Seconds(TimeSpan.Zero)),
                    new XElement("error", new XAttribute("message", Safe(message.Split('\n')[0])), new XAttribute("type", "NotebookError"), Safe(message)))));
        }
        suites.SetAttributeValue("tests", results.Sum(r => r.CodeCells.Total) + unreadable.Count);
        suites.SetAttributeValue("failures", results.Sum(r => r.Cells.Count(c => c.IsFailure)));
        suites.SetAttributeValue("errors", unreadable.Count);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites);
    }

    /// <summary>Writes the report to a file atomically (creating its folder).</summary>
    public static void Write(IReadOnlyList<NotebookRunResult> results, string path, IReadOnlyList<(string Path, string Message)>? unreadable = null)
    {
        var document = Build(results, unreadable);
        AtomicFile.Write(path, stream =>
        {
            using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
            document.Save(writer);
        });
    }

    private static XElement TestCase(string notebook, CellRunResult cell)
    {
        var firstLine = cell.Source.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
        if (firstLine.Length > 60) firstLine = firstLine[..60] + "…";
        var element = new XElement("testcase",
            new XAttribute("classname", notebook),
            new XAttribute("name", Safe($"cell {cell.Index} (code cell {cell.CodeIndex}): {firstLine}")),
            new XAttribute("time", Seconds(cell.Elapsed)));
        if (cell.Status == CellStatus.NotRun) element.Add(new XElement("skipped", new XAttribute("message", "not run: the notebook stopped earlier")));
        else if (cell.IsFailure)
            element.Add(new XElement("failure", new XAttribute("message", Safe(FirstLine(cell))), new XAttribute("type", cell.ErrorKind.ToString()),
                Safe(FailureReport.Describe(notebook, cell))));
        if (cell.StandardOutput.Length > 0) element.Add(new XElement("system-out", Safe(cell.StandardOutput)));
        return element;
    }

    private static string FirstLine(CellRunResult cell) => cell.Status == CellStatus.UnexpectedSuccess
        ? "expected an error (raises-exception) but the cell succeeded"
        : (cell.ErrorMessage ?? "").Split('\n')[0];

    private static string Safe(string text) => SafeText.ForXml(text);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
