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
/// notebook, or a report that could not be written, whatever the cells did), 130 or 143 stopped by Ctrl-C or SIGTERM
/// (see <see cref="Interruption"/>).
/// </remarks>
public static class RunCommand
{
    /// <summary>The longest <c>--timeout</c>, in seconds: a timer's limit of 2^31 − 1 ms (about 24.8 days).</summary>
    public const double MaxTimeoutSeconds = int.MaxValue / 1000.0;

    /// <summary>The parsed command line.</summary>
    public sealed record Settings(string[] Paths, string[] Parameters, double TimeoutSeconds, bool ContinueOnError,
        bool InPlace, string? Output, bool NoHtml, string? JUnit, int? Jobs = null);

    /// <summary>The most notebooks <c>--jobs</c> may run at once.</summary>
    public const int MaxJobs = 64;

    /// <summary>Runs the notebooks; returns 0 ok, 2 a cell failed, 1 usage or IO error, and
    /// <see cref="Interruption.ExitCode"/> (130 or 143) when <paramref name="interruption"/> stopped the run.</summary>
    /// <param name="settings">The parsed command line.</param>
    /// <param name="output">Progress, report paths, the summary table and the results section.</param>
    /// <param name="error">Warnings, failure reports and errors.</param>
    /// <param name="interruption">Ctrl-C: the running cells stop, the notebooks not started are skipped, and the
    /// executed notebooks, the reports and the summary are still written. None by default.</param>
    public static async Task<int> ExecuteAsync(Settings settings, TextWriter output, TextWriter error, Interruption? interruption = null)
    {
        int Usage(string message)
        {
            error.WriteLine($"error: {message}");
            return 1;
        }

        if (!TryParseParameters(settings.Parameters, out var parameters, out var bad)) return Usage(bad!);
        if (TimeoutError(settings.TimeoutSeconds) is { } timeoutError) return Usage(timeoutError);
        if (settings.Jobs is int j && j is < 1 or > MaxJobs)
            return Usage($"Expected `--jobs` to be a whole number from 1 to {MaxJobs}. Received: --jobs {j}.");
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
            Interrupt = interruption?.Token ?? CancellationToken.None,
        };
        // Several notebooks at once, each in its own kernel process; the longest (by the last run's JUnit report) start
        // first, so the series ends sooner. Reports and the summary keep the order the notebooks were named in.
        int jobs = Math.Min(settings.Jobs ?? DefaultJobs, notebooks.Count);
        var previous = LastDurations(junit);
        var order = Enumerable.Range(0, notebooks.Count)
            .OrderByDescending(i => previous.GetValueOrDefault(Path.GetFileName(notebooks[i]))).ThenBy(i => i).ToList();
        var finished = new NotebookRunResult?[notebooks.Count];
        var failed = new (string Path, string Message)?[notebooks.Count];
        var console = new object();
        void Say(TextWriter writer, string text) { lock (console) writer.WriteLine(text); }
        void Stopping(string text) => Say(error, text);
        if (interruption is not null) interruption.Stopping += Stopping;
        await Parallel.ForEachAsync(order, new ParallelOptions { MaxDegreeOfParallelism = jobs }, async (i, _) =>
        {
            var notebook = notebooks[i];
            if (interruption?.Requested == true) return;   // not started: neither finished nor failed
            Say(output, $"nbrun: {FailureReport.DisplayPath(notebook)}");
            try
            {
                // Read and type-check before running: a FIFO, an oversized file or a wrong field fails here, by name.
                var document = NotebookDocument.Load(notebook);
                foreach (var warning in ParameterInjector.UnassignedWarnings(document, parameters.Keys)) Say(error, $"warning: {warning}");
                var result = await NotebookRunner.RunAsync(notebook, options);
                finished[i] = result;
                foreach (var warning in result.Warnings) Say(error, $"warning: {warning}");
                if (!result.Succeeded) Say(error, result.FailureReport());
                if (jobs > 1)
                    Say(output, $"nbrun: {FailureReport.DisplayPath(notebook)} {(result.Succeeded ? "ok" : "failed")} " +
                                $"({result.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s)");
            }
            catch (Exception ex) when (ex is NotebookFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                failed[i] = (notebook, ex.Message);
                Say(error, $"error: {ex.Message}");
            }
        });
        if (interruption is not null) interruption.Stopping -= Stopping;
        var results = finished.OfType<NotebookRunResult>().ToList();
        var unreadable = failed.OfType<(string Path, string Message)>().ToList();
        var skipped = notebooks.Where((_, i) => finished[i] is null && failed[i] is null).Select(FailureReport.DisplayPath).ToList();
        var reportsWritten = WriteReports(results, unreadable, junit, html, output, error);
        output.WriteLine();
        output.Write(SummaryTable.Render(results, unreadable.Select(u => $"{FailureReport.DisplayPath(u.Path)}: {u.Message.Split('\n')[0]}").ToList(), skipped));
        output.Write(ResultsReport.Render(results));
        if (!reportsWritten) error.WriteLine("error: a report could not be written (see above); exit code 1.");
        if (interruption?.Requested == true)
        {
            error.WriteLine($"nbrun: interrupted by {interruption.Cause}; what ran is written above; exit code {interruption.ExitCode}.");
            return interruption.ExitCode;
        }
        return unreadable.Count > 0 || !reportsWritten ? 1 : results.All(r => r.Succeeded) ? 0 : 2;
    }

    /// <summary>How many notebooks run at once without <c>--jobs</c>: one per processor. Each kernel runs torch on one
    /// thread (NotebookSetup.TorchThreads), so two notebooks on this 2-core machine use it fully.</summary>
    public static int DefaultJobs => Math.Clamp(Environment.ProcessorCount, 1, MaxJobs);

    /// <summary>Seconds per notebook file name in the JUnit report of the last run at <paramref name="junit"/>; empty
    /// when there is none or it cannot be read (the order is then the named order).</summary>
    internal static Dictionary<string, double> LastDurations(string junit)
    {
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        try
        {
            if (!File.Exists(junit)) return seconds;
            foreach (var suite in System.Xml.Linq.XDocument.Load(junit).Descendants("testsuite"))
                if ((string?)suite.Attribute("name") is { } name
                    && double.TryParse((string?)suite.Attribute("time"), NumberStyles.Float, CultureInfo.InvariantCulture, out var time))
                    seconds[name] = time;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException) { }
        return seconds;
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
