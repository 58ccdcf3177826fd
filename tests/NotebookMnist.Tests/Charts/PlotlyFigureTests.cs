using System.Text.Json;
using NotebookMnist.Charts;

namespace NotebookMnist.Tests.Charts;

public class PlotlyFigureTests
{
    private static PlotlyFigure TwoPanelFigure()
    {
        var layout = new PlotlyLayout { Title = "Two panels", Width = 600, Height = 300 };
        layout.Subplots(1, 2, ["left", "right"]);
        layout.XAxis(1).Title = "epoch";
        layout.YAxis(2).Range = [0.3, 0.9];
        var figure = new PlotlyFigure(layout: layout);
        figure.Add(ScatterTrace.LineOf([1, 2, 3], [0.5, 0.25, 0.125], "loss", "#1f77b4", "dash"));
        figure.Add(new BarTrace { X = ["a", "b"], Y = [1, 2], Name = "counts" }.OnSubplot(2));
        return figure;
    }

    [Fact]
    public void ToJson_TwoPanels_HasDataLayoutAndConfig()
    {
        using var json = JsonDocument.Parse(TwoPanelFigure().ToJson());
        var root = json.RootElement;

        Assert.Equal(["data", "layout", "config"], root.EnumerateObject().Select(p => p.Name));
        var data = root.GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal("scatter", data[0].GetProperty("type").GetString());
        Assert.Equal("bar", data[1].GetProperty("type").GetString());
        Assert.Equal("loss", data[0].GetProperty("name").GetString());
        Assert.Equal("dash", data[0].GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal("x2", data[1].GetProperty("xaxis").GetString());
        Assert.Equal("y2", data[1].GetProperty("yaxis").GetString());
    }

    [Fact]
    public void ToJson_Titles_AreObjects()
    {
        using var json = JsonDocument.Parse(TwoPanelFigure().ToJson());
        var layout = json.RootElement.GetProperty("layout");

        Assert.Equal("Two panels", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("epoch", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void ToJson_Subplots_HaveDomainsAnchorsAndTitleAnnotations()
    {
        using var json = JsonDocument.Parse(TwoPanelFigure().ToJson());
        var layout = json.RootElement.GetProperty("layout");

        // Two columns with 0.08 spacing: each is 0.46 wide.
        Assert.Equal([0.54, 1.0], Doubles(layout.GetProperty("xaxis2").GetProperty("domain")), new Close(1e-12));
        Assert.Equal("y2", layout.GetProperty("xaxis2").GetProperty("anchor").GetString());
        Assert.Equal("x2", layout.GetProperty("yaxis2").GetProperty("anchor").GetString());
        Assert.Equal([0.3, 0.9], Doubles(layout.GetProperty("yaxis2").GetProperty("range")));
        var annotations = layout.GetProperty("annotations");
        Assert.Equal(["left", "right"], annotations.EnumerateArray().Select(a => a.GetProperty("text").GetString()));
        Assert.Equal(0.23, annotations[0].GetProperty("x").GetDouble(), 12);
    }

    [Fact]
    public void ToJson_NullMembers_AreOmitted()
    {
        string json = new PlotlyFigure().Add(new ScatterTrace { Y = [1] }).ToJson();

        Assert.Equal("""{"data":[{"type":"scatter","y":[1]}],"layout":{},"config":{"responsive":true,"displaylogo":false}}""", json);
    }

    [Fact]
    public void ToJson_SameFigureTwice_SameJsonAndId()
    {
        var a = TwoPanelFigure();
        var b = TwoPanelFigure();

        Assert.Equal(a.ToJson(), b.ToJson());
        Assert.Equal(a.Id, b.Id);
        Assert.Matches("^plotly-[0-9a-f]{12}$", a.Id);
    }

    [Fact]
    public void Id_DifferentFigures_DifferentIds()
    {
        var a = TwoPanelFigure();
        var b = TwoPanelFigure();
        b.Layout.Title = "changed";

        Assert.NotEqual(a.Id, b.Id);
    }

    [Fact]
    public void ToHtml_Fallback_DrawsWithThePagesPlotlyAndFetchesNothing()
    {
        var figure = TwoPanelFigure();
        string html = figure.ToHtml();

        Assert.Contains($"<div id=\"{figure.Id}\"", html);
        Assert.Contains("window.Plotly", html);
        Assert.DoesNotContain("http", html);
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("createElement", html);
        Assert.Contains(PlotlyHtml.NoPlotlyText, html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains(figure.ToJson(), html);
        Assert.Equal(html, TwoPanelFigure().ToHtml());
    }

    [Fact]
    public void ToHtml_ScriptEndTagInText_IsEscaped()
    {
        var figure = new PlotlyFigure(layout: new PlotlyLayout { Title = "</script><b>x</b>" });

        string html = figure.ToHtml();

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "</script>"));
        Assert.Contains("\\u003C/script>\\u003Cb>x\\u003C/b>", html);
    }

    [Fact]
    public void ToJson_NonAsciiAndPlus_WrittenReadably()
    {
        var figure = new PlotlyFigure([new ScatterTrace { Mode = "lines+markers", Name = "y′ − 1" }]);

        Assert.Contains("\"mode\":\"lines+markers\",\"name\":\"y′ − 1\"", figure.ToJson());
    }

    [Fact]
    public void HeatmapAndImage_FromRowsAndPng_SerialiseTheirData()
    {
        var heatmap = HeatmapTrace.FromRows(new double[,] { { 1, 2 }, { 3, 4 } });
        var image = ImageTrace.FromPng([1, 2, 3]);
        using var json = JsonDocument.Parse(new PlotlyFigure([heatmap, image]).ToJson());
        var data = json.RootElement.GetProperty("data");

        Assert.Equal("heatmap", data[0].GetProperty("type").GetString());
        Assert.Equal(4, data[0].GetProperty("z")[1][1].GetDouble());
        Assert.Equal("Viridis", data[0].GetProperty("colorscale").GetString());
        Assert.Equal("image", data[1].GetProperty("type").GetString());
        Assert.Equal("data:image/png;base64,AQID", data[1].GetProperty("source").GetString());
    }

    [Fact]
    public void LineOf_MismatchedLengths_ThrowsWithBothCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => ScatterTrace.LineOf([1, 2], [1], "bad"));

        Assert.Contains("x.Count=2, y.Count=1", error.Message);
    }

    internal static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private sealed class Close(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
