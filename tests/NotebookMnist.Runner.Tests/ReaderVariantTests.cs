using System.Text.Json.Nodes;

namespace NotebookMnist.Runner.Tests;

public class ReaderVariantTests
{
    [Theory]
    [InlineData("succeed.ipynb", 5)]
    [InlineData("vscode-old.ipynb", 4)]
    [InlineData("dotnet-repl.ipynb", 5)]
    [InlineData("jupyter.ipynb", 2)]
    [InlineData("python-langinfo.ipynb", 4)]
    public async Task RunAsync_ReaderVariant_RunsAndWritesPolyglotMetadataKeepingMinor(string name, int minor)
    {
        var result = await Fixture.RunAsync(name);
        var written = Fixture.Written(result);

        Assert.True(result.Succeeded, result.FailureReport());
        Assert.Equal(minor, written["nbformat_minor"]!.GetValue<int>());
        Assert.Equal(".net-csharp", written["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", written["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        foreach (var cell in written["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code"))
        {
            Assert.Equal("csharp", cell!["metadata"]!["dotnet_interactive"]!["language"]!.GetValue<string>());
            Assert.Equal("csharp", cell["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
            Assert.All(cell["outputs"]!.AsArray(), o => Assert.NotEqual("execute_result", o!["output_type"]!.GetValue<string>()));
        }
        Assert.Equal(minor >= 5, written["cells"]!.AsArray().All(c => c!["id"] is not null));
        Fixture.AssertValidNbformat(result.OutputPath!);
    }

    [Fact]
    public async Task RunAsync_JupyterShape_ReplacesExecuteResultAndKeepsStringSourceOfMarkdown()
    {
        var result = await Fixture.RunAsync("jupyter.ipynb");
        var written = Fixture.Written(result);

        Assert.Equal("Jupyter-style notebook, sources as plain strings", written["cells"]![0]!["source"]!.GetValue<string>());
        var output = Assert.Single(written["cells"]![1]!["outputs"]!.AsArray())!;
        Assert.Equal("display_data", output["output_type"]!.GetValue<string>());
        Assert.Equal(1, written["cells"]![1]!["execution_count"]!.GetValue<int>());
        Assert.True(written["cells"]![1]!["metadata"]!["trusted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RunAsync_DotnetReplShape_KeepsItsMetadataAndAddsKernelInfo()
    {
        var result = await Fixture.RunAsync("dotnet-repl.ipynb");
        var metadata = Fixture.Written(result)["metadata"]!;

        Assert.Equal("13.0", metadata["language_info"]!["version"]!.GetValue<string>());
        Assert.Equal("csharp", metadata["polyglot_notebook"]!["defaultKernelName"]!.GetValue<string>());
        Assert.NotNull(Fixture.Written(result)["cells"]![1]!["metadata"]!["dotnet_repl_cellExecutionStartTime"]);
    }

    [Fact]
    public async Task RunAsync_PythonLanguageInfo_ResolvesKernelFromCellMetadata()
    {
        var result = await Fixture.RunAsync("python-langinfo.ipynb");

        Assert.Equal("kernel from cell metadata", Fixture.Outputs(result, 1)[0]!["data"]!["text/plain"]![0]!.GetValue<string>());
        Assert.Equal("polyglot-notebook", Fixture.Written(result)["metadata"]!["language_info"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"polyglot_notebook":{"kernelInfo":{"defaultKernelName":"fsharp"}}}""", "fsharp")]
    [InlineData("""{"polyglot_notebook":{"defaultKernelName":"pwsh"}}""", "pwsh")]
    [InlineData("""{"kernelInfo":{"defaultKernelName":"javascript"}}""", "javascript")]
    [InlineData("""{"dotnet_interactive":{"defaultKernelName":"html"}}""", "html")]
    [InlineData("""{"kernelspec":{"name":".net-fsharp"}}""", "fsharp")]
    [InlineData("""{"kernelspec":{"name":"other","language":"C#"}}""", "csharp")]
    [InlineData("""{}""", "csharp")]
    public void DefaultKernel_MetadataVariant_FollowsSpecOrder(string metadata, string expected) =>
        Assert.Equal(expected, Notebook.KernelResolver.DefaultKernel((JsonObject)JsonNode.Parse(metadata)!));
}
