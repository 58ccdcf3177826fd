using NotebookMnist.Runner.Reports;
using NotebookMnist.Tests.Plotting;

namespace NotebookMnist.Runner.Tests;

public class BrowserTests
{
    [Fact]
    public async Task HtmlPage_WithPlotlyOutput_DrawsThePlotOfflineInHeadlessChromium()
    {
        var result = await Fixture.RunAsync("convention.ipynb");
        var folder = Path.Combine(Path.GetDirectoryName(result.NotebookPath)!, "html");
        HtmlExporter.WriteAll([result], folder);
        var chromium = HeadlessChromium.Find();
        Assert.True(chromium is not null, "Expected Chromium at /usr/bin/chromium (apt-get install chromium; .ci/run installs it).");

        var check = chromium!.CheckPage(Path.Combine(folder, "convention.html"));

        Assert.True(check.Plotly);
        var chart = Assert.Single(check.Charts);
        Assert.True(chart.Container && chart.Expected > 0 && chart.Drawn == chart.Expected, $"drew {chart.Drawn} of {chart.Expected} traces");
    }
}
