using NotebookMnist.Runner.Cli;
using NotebookMnist.Runner.Notebook;

namespace NotebookMnist.Runner.Tests.Faults;

/// <summary>Issue 16, unclear errors: bad options are usage errors (exit 1) naming the option and the value.</summary>
public class CommandLineFaultTests
{
    [Theory]
    [InlineData("NaN", "Received: --timeout NaN.")]
    [InlineData("-5", "Received: --timeout -5.")]
    [InlineData("0", "Received: --timeout 0.")]
    [InlineData("Infinity", "Received: --timeout Infinity.")]
    [InlineData("1e300", "Received: --timeout 1E+300.")]
    public async Task Run_BadTimeout_UsageErrorNamingOptionAndValue(string value, string received)
    {
        var (code, stderr) = await RunSucceedAsync("--timeout", value);

        Assert.Equal(1, code);
        Assert.Contains("error: Expected `--timeout` to be a positive, finite number of seconds", stderr);
        Assert.Contains(received, stderr);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("-2")]
    public async Task Run_BadJobs_UsageErrorNamingOptionAndValue(string value)
    {
        var (code, stderr) = await RunSucceedAsync("--jobs", value);

        Assert.Equal(1, code);
        Assert.Contains($"error: Expected `--jobs` to be a whole number from 1 to 64. Received: --jobs {value}.", stderr);
    }

    [Theory]
    [InlineData("class=1", "`class` is a C# keyword")]
    [InlineData("int=1", "`int` is a C# keyword")]
    [InlineData("await=1", "`await` cannot name a variable in a cell")]
    [InlineData("_=1", "`_` cannot name a variable in a cell")]
    [InlineData("1x=1", "`1x` is not a C# identifier")]
    [InlineData("a-b=1", "`a-b` is not a C# identifier")]
    [InlineData("=1", "Expected -p name=value. Received: -p =1")]
    public async Task Run_BadParameterName_UsageErrorNamingIt(string parameter, string expected)
    {
        var (code, stderr) = await RunSucceedAsync("-p", parameter);

        Assert.Equal(1, code);
        Assert.Contains(expected, stderr);
    }

    [Theory]
    [InlineData("var")]
    [InlineData("épsilon")]
    [InlineData("_lr")]
    [InlineData("async")]
    public void ParameterNameError_ContextualKeywordsAndUnicode_AreAllowed(string name) =>
        Assert.Null(RunCommand.ParameterNameError(name));

    [Fact]
    public void UnassignedWarnings_NameNotAssignedInTheParametersCell_WarnsNamingIt()
    {
        var path = Fixture.Copy("parameters.ipynb");
        var document = NotebookDocument.Load(path);

        var warnings = ParameterInjector.UnassignedWarnings(document, ["epochs", "name", "epoch", "learningRate"]);

        var warning = Assert.Single(warnings);
        Assert.Contains("parameter `epoch` is not assigned in the `parameters` cell", warning);
        Assert.StartsWith(path, warning);
    }

    private static async Task<(int Code, string Stderr)> RunSucceedAsync(params string[] extra)
    {
        var path = Fixture.Copy("succeed.ipynb");
        var folder = Path.GetDirectoryName(path)!;
        var stderr = new StringWriter();
        var code = await CommandLine.InvokeAsync([path, .. extra, "--no-html", "-o", Path.Combine(folder, "out"), "--junit", Path.Combine(folder, "j.xml")], new StringWriter(), stderr);
        return (code, stderr.ToString());
    }
}
