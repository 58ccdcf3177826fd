using System.Diagnostics;
using NotebookMnist.Runner.Reports;

namespace NotebookMnist.Runner.Tests;

public class BrowserTests
{
    [Fact]
    public async Task HtmlPage_WithPlotlyOutput_DrawsThePlotOfflineInHeadlessChromium()
    {
        var result = await Fixture.RunAsync("convention.ipynb");
        var folder = Path.Combine(Path.GetDirectoryName(result.NotebookPath)!, "html");
        HtmlExporter.WriteAll([result], folder);

        var dom = DumpDom(Path.Combine(folder, "convention.html"), Path.Combine(folder, "chromium-profile"));

        Assert.Contains("class=\"main-svg\"", dom);
    }

    private static string DumpDom(string page, string profile)
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        Assert.True(chromium is not null, "Expected Chromium at /usr/bin/chromium (apt-get install chromium; .ci/run installs it).");
        var start = new ProcessStartInfo(chromium!, ["--headless", "--disable-gpu", "--no-sandbox", $"--user-data-dir={profile}",
            "--virtual-time-budget=10000", "--dump-dom", new Uri(page).AbsoluteUri])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var dom = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90))) process.Kill(entireProcessTree: true);
        _ = stderr.Result;
        return dom;
    }
}
