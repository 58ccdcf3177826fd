using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NotebookMnist.Tests.Plotting;

/// <summary>Opens HTML pages in headless Chromium (the Debian <c>chromium</c> package) and reports what rendered.</summary>
/// <remarks>
/// <see cref="CheckPage"/> copies the page next to itself with a small script injected that, after load, records
/// every plotly chart (its traces and the SVG paths drawn for them), every image's natural width and any script
/// errors into a hidden <c>&lt;pre id="browser-check"&gt;</c>; <c>--dump-dom</c> then returns the DOM. Virtual time
/// lets plotly.js finish drawing without real waiting. No network: pages must inline plotly.js (as the runner's
/// exported pages do). Every run gets a new empty profile and a bounded timeout.
/// </remarks>
internal sealed class HeadlessChromium(string executable)
{
    private const string CheckScript = """
        <script>
        (function () {
          var errors = [];
          window.addEventListener('error', function (e) { errors.push(String(e.message)); });
          function drawnTraces(gd) {
            return Array.prototype.filter.call(gd.querySelectorAll('.plot-container g.trace'), function (g) {
              return Array.prototype.some.call(g.querySelectorAll('path'), function (p) {
                var d = p.getAttribute('d'); return !!d && d.length > 4;
              });
            }).length;
          }
          function report() {
            var charts = Array.prototype.map.call(document.querySelectorAll('.js-plotly-plot'), function (gd) {
              return { id: gd.id, expected: (gd.data || []).length, drawn: drawnTraces(gd),
                       container: !!gd.querySelector('.plot-container svg.main-svg') };
            });
            var images = Array.prototype.map.call(document.images, function (img) {
              return { naturalWidth: img.naturalWidth, complete: img.complete };
            });
            var result = { plotly: !!window.Plotly, placeholders: document.querySelectorAll('.notebook-mnist-plotly').length,
                           charts: charts, images: images, errors: errors };
            var pre = document.createElement('pre');
            pre.id = 'browser-check'; pre.style.display = 'none'; pre.textContent = JSON.stringify(result);
            document.body.appendChild(pre);
          }
          window.addEventListener('load', function () { setTimeout(report, 2000); });
        })();
        </script>
        """;

    /// <summary>The Chromium executable: $CHROMIUM_PATH, else /usr/bin/chromium; null when neither exists.</summary>
    public static HeadlessChromium? Find()
    {
        string[] candidates = [Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "", "/usr/bin/chromium", "/usr/bin/chromium-browser"];
        string? path = candidates.FirstOrDefault(p => p.Length > 0 && File.Exists(p));
        return path is null ? null : new HeadlessChromium(path);
    }

    /// <summary>How long one Chromium run may take before it is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Milliseconds of virtual time the page gets to load and draw.</summary>
    public int VirtualTimeBudgetMs { get; init; } = 15000;

    /// <summary>Loads <paramref name="htmlFile"/> with the check script injected and returns what rendered.</summary>
    public PageCheck CheckPage(string htmlFile)
    {
        string checkedFile = Path.ChangeExtension(htmlFile, ".checked.html");
        File.WriteAllText(checkedFile, InjectChecks(File.ReadAllText(htmlFile)));
        string dom = Run("--dump-dom", new Uri(checkedFile).AbsoluteUri);
        var match = Regex.Match(dom, "<pre id=\"browser-check\"[^>]*>(.*?)</pre>", RegexOptions.Singleline);
        if (!match.Success)
            throw new InvalidOperationException(
                $"Expected the page {htmlFile} to report its checks in <pre id=\"browser-check\">. Received a DOM of {dom.Length} characters without it.");
        return JsonSerializer.Deserialize<PageCheck>(WebUtility.HtmlDecode(match.Groups[1].Value), JsonOptions)!;
    }

    /// <summary>Saves a screenshot of <paramref name="htmlFile"/> at the given window size.</summary>
    public void Screenshot(string htmlFile, string pngFile, int width = 1100, int height = 1800)
    {
        File.Delete(pngFile);
        Run($"--screenshot={pngFile}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri);
        if (!File.Exists(pngFile))
            throw new InvalidOperationException($"Expected Chromium to write the screenshot {pngFile}. Received: no file.");
    }

    /// <summary>The page with the check script inserted at the start of its head (or of the document).</summary>
    public static string InjectChecks(string html)
    {
        var head = Regex.Match(html, "<head[^>]*>", RegexOptions.IgnoreCase);
        return head.Success ? html.Insert(head.Index + head.Length, CheckScript) : CheckScript + html;
    }

    private string Run(params string[] arguments)
    {
        string profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        try
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (string flag in Flags(profile).Concat(arguments)) start.ArgumentList.Add(flag);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish within {Timeout.TotalSeconds} s: {string.Join(' ', arguments)}");
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"Chromium exited with {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }

    private IEnumerable<string> Flags(string profile) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", $"--virtual-time-budget={VirtualTimeBudgetMs}",
    ];

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
}

/// <summary>What <see cref="HeadlessChromium.CheckPage"/> saw on a page.</summary>
internal sealed record PageCheck(bool Plotly, int Placeholders, List<ChartCheck> Charts, List<ImageCheck> Images, List<string> Errors);

/// <summary>One plotly chart: its trace count, how many traces have drawn SVG paths, and whether the plot container exists.</summary>
internal sealed record ChartCheck(string Id, int Expected, int Drawn, bool Container);

/// <summary>One image: its natural (decoded) width and whether loading finished.</summary>
internal sealed record ImageCheck(int NaturalWidth, bool Complete);
