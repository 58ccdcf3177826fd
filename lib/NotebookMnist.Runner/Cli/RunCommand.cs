using NotebookMnist.Runner.Notebook;
using NotebookMnist.Runner.Reports;

namespace NotebookMnist.Runner.Cli;

/// <summary>The default command: run notebooks, write executed notebooks, HTML and JUnit, print the summary.</summary>
public static class RunCommand
{
    /// <summary>The parsed command line.</summary>
    public sealed record Settings(string[] Paths, string[] Parameters, double TimeoutSeconds, bool ContinueOnError,
        bool InPlace, string? Output, bool NoHtml, string? JUnit);

    /// <summary>Runs the notebooks; returns 0 ok, 2 a cell failed, 1 usage or IO error.</summary>
    public static async Task<int> ExecuteAsync(Settings settings)
    {
        var error = Console.Error;
        if (!TryParseParameters(settings.Parameters, out var parameters, out var bad)) return Usage($"Expected -p name=value. Received: {bad}");
        if (settings.TimeoutSeconds <= 0) return Usage($"Expected `--timeout` to be a positive number of seconds. Received: {settings.TimeoutSeconds}");
        if (!TryCollect(settings.Paths, out var notebooks, out var missing)) return Usage($"Expected notebook files or folders. Received: {missing} (not found or no *.ipynb).");
        var artifacts = Path.Combine(RepositoryRoot(), "artifacts");
        var options = new NotebookRunOptions
        {
            Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds), ContinueOnError = settings.ContinueOnError,
            InPlace = settings.InPlace, Parameters = parameters,
            OutputDirectory = settings.InPlace ? null : settings.Output ?? Path.Combine(artifacts, "notebooks"),
        };
        var results = new List<NotebookRunResult>();
        var ioErrors = new List<string>();
        foreach (var notebook in notebooks)
        {
            Console.WriteLine($"nbrun: {FailureReport.DisplayPath(notebook)}");
            try
            {
                var result = await NotebookRunner.RunAsync(notebook, options);
                results.Add(result);
                foreach (var warning in result.Warnings) error.WriteLine($"warning: {warning}");
                if (!result.Succeeded) error.WriteLine(result.FailureReport());
            }
            catch (Exception ex) when (ex is NotebookFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                ioErrors.Add($"{FailureReport.DisplayPath(notebook)}: {ex.Message}");
                error.WriteLine($"error: {ex.Message}");
            }
        }
        WriteReports(settings, results, artifacts);
        Console.WriteLine();
        Console.Write(SummaryTable.Render(results, ioErrors));
        return ioErrors.Count > 0 ? 1 : results.All(r => r.Succeeded) ? 0 : 2;
    }

    private static void WriteReports(Settings settings, List<NotebookRunResult> results, string artifacts)
    {
        try
        {
            var junit = settings.JUnit ?? Path.Combine(artifacts, "junit.xml");
            JUnitReport.Write(results, junit);
            Console.WriteLine($"JUnit: {FailureReport.DisplayPath(junit)}");
            if (settings.NoHtml) return;
            var html = Path.Combine(artifacts, "html");
            foreach (var warning in HtmlExporter.WriteAll(results, html)) Console.Error.WriteLine($"warning: {warning}");
            Console.WriteLine($"HTML: {FailureReport.DisplayPath(Path.Combine(html, "index.html"))}");
        }
        catch (IOException ex) { Console.Error.WriteLine($"error: could not write reports: {ex.Message}"); }
    }

    /// <summary>The folder holding NotebookMnist.sln above the current folder, else the current folder.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "NotebookMnist.sln"))) return folder.FullName;
        return Environment.CurrentDirectory;
    }

    /// <summary>Expands folders to their *.ipynb files in ordinal name order.</summary>
    public static bool TryCollect(IEnumerable<string> paths, out List<string> notebooks, out string? missing)
    {
        notebooks = [];
        missing = null;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.ipynb").Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) { missing = path; return false; }
                notebooks.AddRange(found);
            }
            else if (File.Exists(path)) notebooks.Add(path);
            else { missing = path; return false; }
        }
        return notebooks.Count > 0;
    }

    private static bool TryParseParameters(string[] raw, out Dictionary<string, string> parameters, out string? bad)
    {
        parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        bad = null;
        foreach (var item in raw)
        {
            var equals = item.IndexOf('=');
            var name = equals > 0 ? item[..equals].Trim() : "";
            if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
            {
                bad = item;
                return false;
            }
            parameters[name] = item[(equals + 1)..];
        }
        return true;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 1;
    }
}
