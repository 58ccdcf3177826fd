using NotebookMnist.Runner.Reports;

namespace NotebookMnist.Runner.Tests;

public class ResultsReportTests
{
    [Fact]
    public async Task Render_CellTaggedResults_EchoesItsTextOnly()
    {
        var result = await Fixture.RunAsync("results.ipynb");

        var text = ResultsReport.Render([result]);

        Assert.True(result.Succeeded, result.FailureReport());
        Assert.StartsWith("\nResults\n", text);
        Assert.Contains("results.ipynb\n  accuracy: 0.9\n  done\n", text);
        Assert.DoesNotContain("noise", text);
    }

    [Fact]
    public async Task Render_NoTaggedCell_IsEmpty()
    {
        var result = await Fixture.RunAsync("succeed.ipynb");

        Assert.Equal("", ResultsReport.Render([result]));
    }
}
