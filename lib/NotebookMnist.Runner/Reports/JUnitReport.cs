using System.Globalization;
using System.Xml.Linq;

namespace NotebookMnist.Runner.Reports;

/// <summary>JUnit XML for CI: one test suite per notebook, one test case per code cell.</summary>
public static class JUnitReport
{
    /// <summary>Builds the report document.</summary>
    public static XDocument Build(IReadOnlyList<NotebookRunResult> results)
    {
        var suites = new XElement("testsuites");
        foreach (var result in results)
        {
            var name = Path.GetFileName(result.NotebookPath);
            var cases = result.Cells.Where(c => c.CodeIndex > 0).Select(c => TestCase(name, c)).ToList();
            suites.Add(new XElement("testsuite",
                new XAttribute("name", name), new XAttribute("tests", cases.Count),
                new XAttribute("failures", result.Cells.Count(c => c.IsFailure)),
                new XAttribute("errors", 0), new XAttribute("skipped", result.Cells.Count(c => c.Status == CellStatus.NotRun)),
                new XAttribute("time", Seconds(result.Elapsed)), cases));
        }
        suites.SetAttributeValue("tests", results.Sum(r => r.CodeCells.Total));
        suites.SetAttributeValue("failures", results.Sum(r => r.Cells.Count(c => c.IsFailure)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites);
    }

    /// <summary>Writes the report to a file (creating its folder).</summary>
    public static void Write(IReadOnlyList<NotebookRunResult> results, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Build(results).Save(path);
    }

    private static XElement TestCase(string notebook, CellRunResult cell)
    {
        var firstLine = cell.Source.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
        if (firstLine.Length > 60) firstLine = firstLine[..60] + "…";
        var element = new XElement("testcase",
            new XAttribute("classname", notebook),
            new XAttribute("name", $"cell {cell.Index} (code cell {cell.CodeIndex}): {firstLine}"),
            new XAttribute("time", Seconds(cell.Elapsed)));
        if (cell.Status == CellStatus.NotRun) element.Add(new XElement("skipped", new XAttribute("message", "not run: the notebook stopped earlier")));
        else if (cell.IsFailure)
            element.Add(new XElement("failure", new XAttribute("message", FirstLine(cell)), new XAttribute("type", cell.ErrorKind.ToString()),
                FailureReport.Describe(notebook, cell)));
        if (cell.StandardOutput.Length > 0) element.Add(new XElement("system-out", cell.StandardOutput));
        return element;
    }

    private static string FirstLine(CellRunResult cell) => cell.Status == CellStatus.UnexpectedSuccess
        ? "expected an error (raises-exception) but the cell succeeded"
        : (cell.ErrorMessage ?? "").Split('\n')[0];

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
