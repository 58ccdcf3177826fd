using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookMnist.Charts;
using NotebookMnist.Tables;
using NotebookMnist.Tests.Charts;

namespace NotebookMnist.Tests;

/// <summary>NotebookSetup's formatters, read back through the kernel's own <see cref="Formatter"/>.</summary>
[Collection(nameof(FormatterCollection))]
public class NotebookSetupTests
{
    [Fact]
    public void RegisterFormatters_DataFrame_KernelFormatsAnHtmlTable()
    {
        Formatter.ResetToDefault();
        NotebookSetup.RegisterFormatters();
        var frame = Frames.FromColumns(("loss", [0.5, 0.25]));

        string html = frame.ToDisplayString(HtmlFormatter.MimeType);

        Assert.Equal(DataFrameHtml.Format(frame), html);
        Assert.Equal("text/html", Formatter.GetPreferredMimeTypesFor(typeof(DataFrame)).First());
    }

    [Fact]
    public void RegisterFormatters_Figure_PlotlyJsonAndOfflineHtml()
    {
        Formatter.ResetToDefault();
        NotebookSetup.RegisterFormatters();
        var figure = Plot.Line(new double[] { 0, 1 }, new double[] { 1, 0 });

        Assert.Equal(figure.ToJson(), figure.ToDisplayString(PlotlyFigure.MimeType));
        Assert.Equal(figure.ToHtml(), figure.ToDisplayString(HtmlFormatter.MimeType));
        Assert.Equal([PlotlyFigure.MimeType, "text/html"], Formatter.GetPreferredMimeTypesFor(typeof(PlotlyFigure)).Take(2));
    }

    [Fact]
    public void RegisterFormatters_Twice_SecondIsANoOpUntilAReset()
    {
        Formatter.ResetToDefault();

        Assert.True(NotebookSetup.RegisterFormatters());
        int count = Formatter.RegisteredFormatters(includeDefaults: false).Count();
        Assert.False(NotebookSetup.RegisterFormatters());
        Assert.Equal(count, Formatter.RegisteredFormatters(includeDefaults: false).Count());
        Formatter.ResetToDefault();
        Assert.True(NotebookSetup.RegisterFormatters());
    }

    [Fact]
    public void Apply_OutsideAKernel_RegistersNothing()
    {
        Formatter.ResetToDefault();

        NotebookSetup.Apply();
        NotebookSetup.Apply();

        Assert.Empty(Formatter.RegisteredFormatters(includeDefaults: false));
        Assert.Equal(NotebookSetup.TorchThreads, TorchSharp.torch.get_num_threads());
    }

    [Fact]
    public async Task Apply_InAKernelCell_DataFrameShownAsHtmlTable()
    {
        Formatter.ResetToDefault();
        var frame = Frames.FromColumns(("loss", [0.5]));

        var events = await LiveDisplayTests.RunCellAsync(() =>
        {
            NotebookSetup.Apply();
            Microsoft.DotNet.Interactive.Kernel.display(frame);
        });

        var shown = Assert.Single(events.OfType<Microsoft.DotNet.Interactive.Events.DisplayedValueProduced>());
        Assert.Contains(shown.FormattedValues, v => v.MimeType == "text/html" && v.Value == DataFrameHtml.Format(frame));
    }
}

/// <summary>Tests that reset the process-wide <see cref="Formatter"/> run one at a time.</summary>
[CollectionDefinition(nameof(FormatterCollection), DisableParallelization = true)]
public sealed class FormatterCollection;
