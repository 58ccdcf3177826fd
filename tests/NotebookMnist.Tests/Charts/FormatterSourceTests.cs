using NotebookMnist.Charts;
using NotebookMnist.D2l;

namespace NotebookMnist.Tests.Charts;

/// <summary>Formats values the way a kernel does: by reflection on an attribute named TypeFormatterSourceAttribute.</summary>
public class FormatterSourceTests
{
    private static (string[] Preferred, Dictionary<string, string> Outputs) FormatLikeAKernel(object value)
    {
        var attribute = value.GetType().GetCustomAttributes(inherit: true)
            .Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var preferred = (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!;
        object source = Activator.CreateInstance(sourceType)!;
        var formatters = (IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        var outputs = new Dictionary<string, string>();
        foreach (object formatter in formatters)
        {
            var type = formatter.GetType();
            string mime = (string)type.GetProperty("MimeType")!.GetValue(formatter)!;
            Assert.True(((Type)type.GetProperty("Type")!.GetValue(formatter)!).IsInstanceOfType(value));
            var writer = new StringWriter();
            var format = type.GetMethod("Format", [typeof(object), typeof(TextWriter)])!;
            Assert.True((bool)format.Invoke(formatter, [value, writer])!);
            outputs[mime] = writer.ToString();
        }
        return (preferred, outputs);
    }

    [Fact]
    public void PlotlyFigure_KernelConvention_PlotlyJsonThenHtml()
    {
        var figure = Plot.Lines([1, 2], [("loss", [0.5, 0.4])], title: "t");

        var (preferred, outputs) = FormatLikeAKernel(figure);

        Assert.Equal(["application/vnd.plotly.v1+json", "text/html"], preferred);
        Assert.Equal(figure.ToJson(), outputs["application/vnd.plotly.v1+json"]);
        Assert.Contains("Plotly.newPlot", outputs["text/html"]);
        Assert.Equal("PlotlyFigure: 1 trace, \"t\"", outputs["text/plain"]);
    }

    [Fact]
    public void ImageGrid_KernelConvention_HtmlThenBase64Png()
    {
        var grid = global::NotebookMnist.D2l.D2l.ShowImages(ShowImagesTests.StripedImages(2), 1, 2, ["a", "b"]);

        var (preferred, outputs) = FormatLikeAKernel(grid);

        Assert.Equal(["text/html", "image/png"], preferred);
        Assert.Contains(">a</div>", outputs["text/html"]);
        var png = PngTestDecoder.Decode(Convert.FromBase64String(outputs["image/png"]));
        Assert.Equal((2 * 84 + 4, 84), (png.Width, png.Height));
    }

    [Fact]
    public void Animator_KernelConvention_ShowsItsCurrentFigure()
    {
        var animator = new Animator(legend: ["train loss", "train acc", "test acc"]);
        animator.Add(1, 0.79, 0.75, 0.79);

        var (preferred, outputs) = FormatLikeAKernel(animator);

        Assert.Equal(["application/vnd.plotly.v1+json", "text/html"], preferred);
        Assert.Equal(animator.Figure.ToJson(), outputs["application/vnd.plotly.v1+json"]);
        Assert.Equal("PlotlyFigure: 3 traces", outputs["text/plain"]);
    }

    [Fact]
    public void MimeFormatter_OtherType_ReturnsFalseAndWritesNothing()
    {
        var formatter = new MimeFormatter(typeof(PlotlyFigure), "text/html", _ => "x");
        var writer = new StringWriter();

        Assert.False(formatter.Format("not a figure", writer));
        Assert.Equal("", writer.ToString());
    }
}
