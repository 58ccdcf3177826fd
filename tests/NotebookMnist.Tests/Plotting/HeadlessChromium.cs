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
/// lets plotly.js finish drawing without real waiting. No network: every run routes Chromium through
/// <see cref="RequestTrap"/>, a local proxy that answers 403 and records each request, and <see cref="CheckPage"/>
/// fails when any request would have left the machine (a CDN script, a web font, an image URL). Pages must inline
/// plotly.js, as the runner's exported pages do. Every run gets a new empty profile and a bounded timeout.
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

    /// <summary>The Chromium executable: $CHROMIUM_PATH, else Debian's binary /usr/lib/chromium/chromium, else /usr/bin/chromium; null when none exists.</summary>
    /// <remarks>
    /// Debian's /usr/bin/chromium is a wrapper that adds /etc/chromium.d's flags, among them <c>--enable-remote-extensions</c>
    /// and Google API keys, which make the browser itself call update.googleapis.com and accounts.google.com; the binary
    /// behind it does not, so every request the <see cref="RequestTrap"/> sees is the page's.
    /// </remarks>
    public static HeadlessChromium? Find()
    {
        string[] candidates =
        [
            Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "", "/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser",
        ];
        string? path = candidates.FirstOrDefault(p => p.Length > 0 && File.Exists(p));
        return path is null ? null : new HeadlessChromium(path);
    }

    /// <summary>How long one Chromium run may take before it is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Milliseconds of virtual time the page gets to load and draw.</summary>
    public int VirtualTimeBudgetMs { get; init; } = 15000;

    /// <summary>Loads <paramref name="htmlFile"/> with the check script injected and returns what rendered.</summary>
    /// <exception cref="InvalidOperationException">The page requested a non-local URL (unless <paramref name="allowExternalRequests"/>).</exception>
    public PageCheck CheckPage(string htmlFile, bool allowExternalRequests = false)
    {
        string checkedFile = Path.ChangeExtension(htmlFile, ".checked.html");
        File.WriteAllText(checkedFile, InjectChecks(File.ReadAllText(htmlFile)));
        using var trap = new RequestTrap();
        string dom = Run(["--dump-dom", new Uri(checkedFile).AbsoluteUri], trap);
        var external = trap.Requests;
        if (external.Count > 0 && !allowExternalRequests)
            throw new InvalidOperationException(
                $"Expected no request from {htmlFile} to leave the machine. Received {external.Count}: {string.Join("; ", external)}.");
        var match = Regex.Match(dom, "<pre id=\"browser-check\"[^>]*>(.*?)</pre>", RegexOptions.Singleline);
        if (!match.Success)
            throw new InvalidOperationException(
                $"Expected the page {htmlFile} to report its checks in <pre id=\"browser-check\">. Received a DOM of {dom.Length} characters without it.");
        return JsonSerializer.Deserialize<PageCheck>(WebUtility.HtmlDecode(match.Groups[1].Value), JsonOptions)! with { ExternalRequests = external };
    }

    /// <summary>Saves a screenshot of <paramref name="htmlFile"/> at the given window size.</summary>
    public void Screenshot(string htmlFile, string pngFile, int width = 1100, int height = 1800)
    {
        File.Delete(pngFile);
        using var trap = new RequestTrap();
        Run([$"--screenshot={pngFile}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri], trap);
        if (!File.Exists(pngFile))
            throw new InvalidOperationException($"Expected Chromium to write the screenshot {pngFile}. Received: no file.");
    }

    /// <summary>The page with the check script inserted at the start of its head (or of the document).</summary>
    public static string InjectChecks(string html)
    {
        var head = Regex.Match(html, "<head[^>]*>", RegexOptions.IgnoreCase);
        return head.Success ? html.Insert(head.Index + head.Length, CheckScript) : CheckScript + html;
    }

    private string Run(string[] arguments, RequestTrap trap)
    {
        string profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        try
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (string flag in Flags(profile).Concat(trap.ChromiumFlags).Concat(arguments)) start.ArgumentList.Add(flag);
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
        // Chromium's own traffic (network time, component and account services) is not the page's: switch it off so
        // that every request the trap sees comes from the page.
        "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater",
        "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--disable-default-apps",
        "--disable-extensions", "--no-pings", "--no-default-browser-check", "--disable-breakpad",
        "--safebrowsing-disable-auto-update", "--disable-signin-frame-client-certs", "--allow-pre-commit-input",
    ];

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
}

/// <summary>What <see cref="HeadlessChromium.CheckPage"/> saw on a page.</summary>
internal sealed record PageCheck(bool Plotly, int Placeholders, List<ChartCheck> Charts, List<ImageCheck> Images, List<string> Errors)
{
    /// <summary>Every request that would have left the machine (the proxy's request lines); empty for an offline page.</summary>
    public IReadOnlyList<string> ExternalRequests { get; init; } = [];
}

/// <summary>A local HTTP proxy that Chromium must use for every non-loopback URL: it records the request line and answers 403.</summary>
/// <remarks>
/// file: and data: URLs never reach a proxy; http(s) to anywhere else does (https as <c>CONNECT host:443</c>), even
/// with no DNS, so a page that would fetch a CDN is caught offline. <c>&lt;-loopback&gt;</c> sends loopback through the
/// trap too, so only file: and data: content counts as local.
/// </remarks>
internal sealed class RequestTrap : IDisposable
{
    private readonly System.Net.Sockets.TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<string> _requests = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RequestTrap()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The flags that route Chromium through this trap.</summary>
    public IEnumerable<string> ChromiumFlags =>
        [$"--proxy-server=http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}", "--proxy-bypass-list=<-loopback>"];

    /// <summary>The request lines received so far, e.g. "CONNECT cdn.plot.ly:443 HTTP/1.1".</summary>
    public IReadOnlyList<string> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            System.Net.Sockets.TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException) { return; }
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(System.Net.Sockets.TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, leaveOpen: true);
                string? line = await reader.ReadLineAsync(_stop.Token);
                if (!string.IsNullOrWhiteSpace(line) && !IsBrowserService(line))
                    lock (_requests) _requests.Add(line);
                await stream.WriteAsync("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException) { }
        }
    }

    /// <summary>
    /// Chromium 156 itself calls these three hosts whatever the flags (component updates, account and network-time
    /// checks); they are answered 403 like any other request but are not the page's, so they are not recorded.
    /// Exact host names only: a page fetching anything else from Google (fonts.googleapis.com, say) still fails.
    /// </summary>
    internal static bool IsBrowserService(string requestLine)
    {
        string[] parts = requestLine.Split(' ');
        if (parts.Length < 2) return false;
        string target = parts[1];
        string host = parts[0] == "CONNECT"
            ? target.Split(':')[0]
            : Uri.TryCreate(target, UriKind.Absolute, out var uri) ? uri.Host : "";
        return host is "update.googleapis.com" or "accounts.google.com" or "clients2.google.com";
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}

/// <summary>One plotly chart: its trace count, how many traces have drawn SVG paths, and whether the plot container exists.</summary>
internal sealed record ChartCheck(string Id, int Expected, int Drawn, bool Container);

/// <summary>One image: its natural (decoded) width and whether loading finished.</summary>
internal sealed record ImageCheck(int NaturalWidth, bool Complete);
