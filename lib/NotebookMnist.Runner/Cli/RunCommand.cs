using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using NotebookMnist.Runner.IO;
using NotebookMnist.Runner.Notebook;
using NotebookMnist.Runner.Reports;

namespace NotebookMnist.Runner.Cli;

/// <summary>The default command: run notebooks, write executed notebooks, HTML and JUnit, print the summary.</summary>
/// <remarks>
/// Everything is checked before the first cell runs: options, notebook names (two executed copies never share a
/// path), and that every output folder is writable. Exit codes: 0 ok, 2 a cell failed, 1 usage or IO (an unreadable
/// notebook, or a report that could not be written, whatever the cells did).
/// </remarks>
public static class RunCommand
{
    /// <summary>The longest <c>--timeout</c>, in seconds: a timer's limit of 2^31 − 1 ms (about 24.8 days).</summary>
    public const double MaxTimeoutSeconds = int.MaxValue / 1000.0;

    /// <summary>The parsed command line.</summary>
    public sealed record Settings(string[] Paths, string[] Parameters, double TimeoutSeconds, bool ContinueOnError,
        bool InPlace, string? Output, bool NoHtml, string? JUnit);

    /// <summary>Runs the notebooks, writing to the console streams; returns 0 ok, 2 a cell failed, 1 usage or IO error.</summary>
    public static Task<int> ExecuteAsync(Settings settings) => ExecuteAsync(settings, ConsoleStreams.Out, ConsoleStreams.Error);

    /// <summary>Runs the notebooks; returns 0 ok, 2 a cell failed, 1 usage or IO error.</summary>
    /// <param name="settings">The parsed command line.</param>
    /// <param name="output">Progress, report paths, the summary table and the results section.</param>
    /// <param name="error">Warnings, failure reports and errors.</param>
    public static async Task<int> ExecuteAsync(Settings settings, TextWriter output, TextWriter error)
    {
        int Usage(string message)
        {
            error.WriteLine($"error: {message}");
            return 1;
        }

        if (!TryParseParameters(settings.Parameters, out var parameters, out var bad)) return Usage(bad!);
        if (TimeoutError(settings.TimeoutSeconds) is { } timeoutError) return Usage(timeoutError);
        if (!TryCollect(settings.Paths, out var notebooks, out var missing)) return Usage($"Expected notebook files or folders. Received: {missing} (not found or no *.ipynb).");
        var artifacts = Path.Combine(RepositoryRoot(), "artifacts");
        var outputFolder = settings.InPlace ? null : Path.GetFullPath(settings.Output ?? Path.Combine(artifacts, "notebooks"));
        var junit = Path.GetFullPath(settings.JUnit ?? Path.Combine(artifacts, "junit.xml"));
        var html = settings.NoHtml ? null : Path.Combine(artifacts, "html");
        if (outputFolder is not null && NameCollision(notebooks, outputFolder) is { } collision) return Usage(collision);
        if (Directory.Exists(junit)) return Usage($"Expected `--junit` to name a file. Received: {FailureReport.DisplayPath(junit)} (a folder).");
        if (UnwritableFolder(settings.InPlace, notebooks, outputFolder, junit, html) is { } unwritable) return Usage(unwritable);

        var options = new NotebookRunOptions
        {
            Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds), ContinueOnError = settings.ContinueOnError,
            InPlace = settings.InPlace, Parameters = parameters, OutputDirectory = outputFolder,
        };
        var results = new List<NotebookRunResult>();
        var unreadable = new List<(string Path, string Message)>();
        foreach (var notebook in notebooks)
        {
            output.WriteLine($"nbrun: {FailureReport.DisplayPath(notebook)}");
            try
            {
                // Read and type-check before running: a FIFO, an oversized file or a wrong field fails here, by name.
                var document = NotebookDocument.Load(notebook);
                foreach (var warning in ParameterInjector.UnassignedWarnings(document, parameters.Keys)) error.WriteLine($"warning: {warning}");
                var result = await NotebookRunner.RunAsync(notebook, options);
                results.Add(result);
                foreach (var warning in result.Warnings) error.WriteLine($"warning: {warning}");
                if (!result.Succeeded) error.WriteLine(result.FailureReport());
            }
            catch (Exception ex) when (ex is NotebookFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                unreadable.Add((notebook, ex.Message));
                error.WriteLine($"error: {ex.Message}");
            }
        }
        var reportsWritten = WriteReports(results, unreadable, junit, html, output, error);
        output.WriteLine();
        output.Write(SummaryTable.Render(results, unreadable.Select(u => $"{FailureReport.DisplayPath(u.Path)}: {u.Message.Split('\n')[0]}").ToList()));
        output.Write(ResultsReport.Render(results));
        if (!reportsWritten) error.WriteLine("error: a report could not be written (see above); exit code 1.");
        return unreadable.Count > 0 || !reportsWritten ? 1 : results.All(r => r.Succeeded) ? 0 : 2;
    }

    /// <summary>The usage error for a <c>--timeout</c> value, or null when it is a positive, finite number of seconds
    /// no longer than <see cref="MaxTimeoutSeconds"/>.</summary>
    public static string? TimeoutError(double seconds) =>
        double.IsFinite(seconds) && seconds > 0 && seconds <= MaxTimeoutSeconds ? null
            : $"Expected `--timeout` to be a positive, finite number of seconds (at most {MaxTimeoutSeconds.ToString(CultureInfo.InvariantCulture)}). "
              + $"Received: --timeout {seconds.ToString(CultureInfo.InvariantCulture)}.";

    /// <summary>A usage error naming two notebooks whose executed copies would share a path in the output folder
    /// (names compare ignoring case, as on macOS and Windows), or null.</summary>
    /// <remarks>nbrun refuses rather than rename: an executed copy keeps its notebook's name, so a reader finds it.</remarks>
    public static string? NameCollision(IReadOnlyList<string> notebooks, string outputFolder)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var notebook in notebooks)
        {
            var name = Path.GetFileName(notebook);
            if (seen.TryGetValue(name, out var first))
                return $"Expected notebooks with distinct file names: executed copies go to one folder, {FailureReport.DisplayPath(outputFolder)}. "
                    + $"Received: {FailureReport.DisplayPath(first)} and {FailureReport.DisplayPath(notebook)} (both {name}). "
                    + "Run them with different -o folders, or use --in-place.";
            seen[name] = notebook;
        }
        return null;
    }

    private static string? UnwritableFolder(bool inPlace, List<string> notebooks, string? outputFolder, string junit, string? html)
    {
        var folders = new List<(string Folder, string What)>();
        if (outputFolder is not null) folders.Add((outputFolder, "executed notebooks (-o)"));
        if (inPlace) folders.AddRange(notebooks.Select(n => Path.GetDirectoryName(n)!).Distinct().Select(f => (f, "the executed notebooks in place (--in-place)")));
        folders.Add((Path.GetDirectoryName(junit)!, "the JUnit report (--junit)"));
        if (html is not null) folders.Add((html, "the HTML pages"));
        if (inPlace)
            foreach (var notebook in notebooks)
            {
                try { AtomicFile.EnsureWritable(Path.GetFullPath(notebook)); }
                catch (UnauthorizedAccessException) { return $"Expected notebooks that can be overwritten with --in-place. Received: {FailureReport.DisplayPath(notebook)} (read-only)."; }
            }
        foreach (var (folder, what) in folders)
        {
            try { AtomicFile.ProbeWritable(folder); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return $"Expected a writable folder for {what}. Received: {FailureReport.DisplayPath(folder)} ({ex.Message}).";
            }
        }
        return null;
    }

    private static bool WriteReports(List<NotebookRunResult> results, List<(string Path, string Message)> unreadable, string junit, string? html,
        TextWriter output, TextWriter error)
    {
        var written = true;
        try
        {
            JUnitReport.Write(results, junit, unreadable);
            output.WriteLine($"JUnit: {FailureReport.DisplayPath(junit)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: could not write the JUnit report {FailureReport.DisplayPath(junit)}: {ex.Message}");
            written = false;
        }
        if (html is null) return written;
        try
        {
            foreach (var warning in HtmlExporter.WriteAll(results, html)) error.WriteLine($"warning: {warning}");
            output.WriteLine($"HTML: {FailureReport.DisplayPath(Path.Combine(html, HtmlExporter.IndexName))}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: could not write the HTML pages in {FailureReport.DisplayPath(html)}: {ex.Message}");
            written = false;
        }
        return written;
    }

    /// <summary>The folder holding NotebookMnist.sln above the current folder, else the current folder.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "NotebookMnist.sln"))) return folder.FullName;
        return Environment.CurrentDirectory;
    }

    /// <summary>Expands folders to their *.ipynb files in ordinal name order; a notebook named twice runs once.</summary>
    public static bool TryCollect(IEnumerable<string> paths, out List<string> notebooks, out string? missing)
    {
        notebooks = [];
        missing = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            List<string> found;
            if (Directory.Exists(path))
            {
                found = Directory.GetFiles(path, "*.ipynb").Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) { missing = path; return false; }
            }
            else if (File.Exists(path)) found = [path];
            else { missing = path; return false; }
            notebooks.AddRange(found.Where(f => seen.Add(Path.GetFullPath(f))));
        }
        return notebooks.Count > 0;
    }

    /// <summary>Parses <c>-p name=value</c> items; the name must be a C# identifier that is not a keyword.</summary>
    internal static bool TryParseParameters(string[] raw, out Dictionary<string, string> parameters, out string? error)
    {
        parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        error = null;
        foreach (var item in raw)
        {
            var equals = item.IndexOf('=');
            if (equals <= 0)
            {
                error = $"Expected -p name=value. Received: -p {item}";
                return false;
            }
            var name = item[..equals].Trim();
            if (ParameterNameError(name) is { } reason)
            {
                error = $"Expected `-p` names to be C# identifiers that are not keywords. Received: -p {item} ({reason}).";
                return false;
            }
            parameters[name] = item[(equals + 1)..];
        }
        return true;
    }

    /// <summary>Why a name cannot be declared as a variable in a cell, or null when it can.</summary>
    internal static string? ParameterNameError(string name)
    {
        if (name.Length == 0) return "the name is empty";
        if (!SyntaxFacts.IsValidIdentifier(name)) return $"`{name}` is not a C# identifier";
        if (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None) return $"`{name}` is a C# keyword";
        // Cells run as async script code: `await` is reserved there, and `_` declares a discard, not a variable.
        if (name is "await" or "_") return $"`{name}` cannot name a variable in a cell";
        return null;
    }
}
