using System.Reactive.Linq;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using NotebookMnist.Runner.Execution;

namespace NotebookMnist.Runner.Tests;

/// <summary>The genuine .NET Interactive kernel behind the runner: magics, #r, display updates, order and errors.</summary>
public class KernelTests
{
    [Fact]
    public async Task RunAsync_Magics_TimeWhoLsmagicAboutWorkAsInVsCode()
    {
        var result = await Cells.RunAsync("magics", null,
            "#!time\nvar a = 1;", "var b = 2;\n#!who", "#!lsmagic", "#!about");

        Assert.True(result.Succeeded, result.FailureReport());
        Assert.Matches(@"^Wall time: \d+(\.\d+)?ms\n$", Cells.Text(result, 1));
        Assert.Contains("[ a\t , b\t  ]", Cells.Text(result, 2));
        var magics = Cells.Text(result, 3);
        foreach (var name in new[] { "#!time", "#!lsmagic", "#!about", "#!who", "#!whos", "#!set", "#!share", "#r", "#i" })
            Assert.Contains($"    {name}\n", magics);
        Assert.Contains("Library version: 1.0.0-beta.26120.1", Cells.Text(result, 4));
    }

    [Fact]
    public async Task RunAsync_NugetReference_RestoresFromRegistryAndUsesIt()
    {
        var result = await Cells.RunAsync("nuget", null,
            "#r \"nuget: Newtonsoft.Json, 13.0.3\"",
            "Newtonsoft.Json.JsonConvert.SerializeObject(new { a = 1, b = new[] { 2, 3 } })",
            "typeof(Newtonsoft.Json.JsonConvert).Assembly.GetName().Version.ToString()");

        Assert.True(result.Succeeded, result.FailureReport());
        Assert.Equal("{\"a\":1,\"b\":[2,3]}\n", Cells.Text(result, 2));
        Assert.Equal("13.0.0.0\n", Cells.Text(result, 3));
    }

    [Fact]
    public async Task RunAsync_DisplayUpdate_ReplacesInPlaceAndKeepsKernelOrder()
    {
        var result = await Cells.RunAsync("update", null,
            "Console.Write(\"a\");\nConsole.Write(\"b\");\nvar view = display(\"step 0\");\nConsole.WriteLine(\"c\");\n"
            + "for (var step = 1; step <= 3; step++) view.Update($\"step {step}\");\nConsole.Error.WriteLine(\"warn\");\n\"tail\"",
            "var first = display(\"x 0\");\nfirst.Update(\"x 1\");\nvar second = display(\"y 0\");\nsecond.Update(\"y 1\");");

        Assert.True(result.Succeeded, result.FailureReport());
        // stdout joined across Write events, the display replaced in place (one output, last value), then the rest in order.
        Assert.Equal(["stream:stdout", "display_data:text/plain", "stream:stdout", "stream:stderr", "display_data:text/plain"],
            Fixture.Kinds(Fixture.Outputs(result, 1)));
        Assert.Equal("abstep 3\nc\nwarn\ntail\n", Cells.Text(result, 1));
        Assert.Equal("x 1\ny 1\n", Cells.Text(result, 2));
    }

    /// <summary>
    /// Documents the kernel defect that <see cref="DisplayIdDefect"/> works around. When this fails, the kernel sends
    /// updates with the original display's id: delete DisplayIdDefect and this test.
    /// </summary>
    [Fact]
    public async Task DisplayUpdate_KernelDefect_IdsStillDiffer()
    {
        using var kernel = KernelFactory.Create();
        var result = await kernel.SendAsync(new SubmitCode("var d = display(1);\nd.Update(2);"));

        var produced = Assert.Single(result.Events.OfType<DisplayedValueProduced>());
        var updated = Assert.Single(result.Events.OfType<DisplayedValueUpdated>());
        Assert.NotEqual(produced.ValueId, updated.ValueId);
    }

    [Fact]
    public async Task RunAsync_Errors_CompileAndRuntimeNameCellAndLine_RaisesExceptionPasses()
    {
        var result = await Cells.RunAsync("errors", new NotebookRunOptions { ContinueOnError = true },
            "Console.WriteLine(\"ok\");",
            "int y = 1;\nint z = undefinedThing;",
            "Console.WriteLine(\"about to fail\");\nthrow new InvalidOperationException(\"boom\");",
            "[raises-exception]throw new ArgumentException(\"expected\");",
            "[raises-exception]var fine = 1;");

        var compile = result.Cells[1];
        Assert.Equal((CellStatus.Failed, CellErrorKind.Compile, 2), (compile.Status, compile.ErrorKind, compile.Line));
        Assert.Equal("(2,9): error CS0103: The name 'undefinedThing' does not exist in the current context", compile.ErrorMessage);
        var runtime = result.Cells[2];
        Assert.Equal((CellStatus.Failed, CellErrorKind.Runtime), (runtime.Status, runtime.ErrorKind));
        Assert.StartsWith("System.InvalidOperationException: boom\n", runtime.ErrorMessage);
        Assert.Equal(["stream:stdout", "error"], Fixture.Kinds(Fixture.Outputs(result, 3)));
        Assert.Equal(CellStatus.ExpectedError, result.Cells[3].Status);
        Assert.Equal(CellStatus.UnexpectedSuccess, result.Cells[4].Status);
        var report = result.FailureReport();
        Assert.Contains("errors.ipynb: cell 2 (code cell 2), line 2: compile error", report);
        Assert.Contains("errors.ipynb: cell 3 (code cell 3): runtime error", report);
        Assert.Contains("stdout:\n    about to fail", report);
        Fixture.AssertValidNbformat(result.OutputPath!);
    }
}
