using System.Text.Json;
using NotebookMnist.Charts;
using NotebookMnist.D2l;

namespace NotebookMnist.Tests.Charts;

public class AnimatorTests
{
    [Fact]
    public void Figure_TrainCh3Arguments_AreD2lTrainingStyle()
    {
        var animator = new Animator(xlabel: "epoch", xlim: (1, 10), ylim: (0.3, 0.9), legend: ["train loss", "train acc", "test acc"]);
        animator.Add(1, 0.7866, 0.7483, 0.7892);
        using var json = JsonDocument.Parse(animator.Figure.ToJson());
        var data = json.RootElement.GetProperty("data");
        var layout = json.RootElement.GetProperty("layout");

        Assert.Equal(["train loss", "train acc", "test acc"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["solid", "dash", "dashdot"], data.EnumerateArray().Select(t => t.GetProperty("line").GetProperty("dash").GetString()));
        Assert.Equal(["#1f77b4", "#bf00bf", "#008000"], data.EnumerateArray().Select(t => t.GetProperty("line").GetProperty("color").GetString()));
        Assert.Equal([0.3, 0.9], PlotlyFigureTests.Doubles(layout.GetProperty("yaxis").GetProperty("range")));
        Assert.Equal([1.0, 10.0], PlotlyFigureTests.Doubles(layout.GetProperty("xaxis").GetProperty("range")));
        Assert.Equal("epoch", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Add_ThreeEpochs_EachSeriesGrowsAndFigureUpdates()
    {
        var animator = new Animator(legend: ["train loss", "train acc", "test acc"]);
        var before = animator.Figure;
        animator.Add(1, 0.79, 0.75, 0.79);
        var afterOne = animator.Figure;
        animator.Add(2, 0.57, 0.81, 0.81);
        animator.Add(3, 0.53, 0.83, 0.82);
        var after = animator.Figure;

        Assert.Empty(before.Data);
        Assert.Equal([1.0], ((ScatterTrace)afterOne.Data[0]).X);
        Assert.Equal([1.0, 2.0, 3.0], ((ScatterTrace)after.Data[2]).X);
        Assert.Equal([0.79, 0.81, 0.82], ((ScatterTrace)after.Data[2]).Y);
        Assert.NotEqual(afterOne.Id, after.Id);
        Assert.Null(animator.DisplayId); // outside a kernel nothing is shown
    }

    [Fact]
    public void Figure_D2lDefaults_NoLegendAutoRangeLinearAxes()
    {
        var animator = new Animator();
        animator.Add(1, 2.0);
        var layout = animator.Figure.Layout;

        Assert.Equal(false, layout.ShowLegend);
        Assert.Null(layout.YAxis().Range);
        Assert.Equal("linear", layout.XAxis().Type);
        Assert.Equal((448, 320), (layout.Width, layout.Height)); // 3.5 × 2.5 inches at 128 px
        Assert.Equal("series 1", animator.Figure.Data[0].Name);
    }

    [Fact]
    public void Figure_LogScale_RangeInLog10Units()
    {
        var animator = new Animator(xscale: "log", xlim: (1, 1000));

        Assert.Equal("log", animator.Figure.Layout.XAxis().Type);
        Assert.Equal([0.0, 3.0], animator.Figure.Layout.XAxis().Range!);
        var error = Assert.Throws<ArgumentException>(() => new Animator(yscale: "symlog"));
        Assert.Contains("Received: yscale=\"symlog\"", error.Message);
    }

    [Fact]
    public void ToDataFrame_ThreeSeries_EpochColumnThenOnePerLegendName()
    {
        var animator = new Animator(xlabel: "epoch", legend: ["train loss", "train acc", "test acc"]);
        animator.Add(1, 0.7866, 0.7483, 0.7892);
        animator.Add(2, 0.5715, 0.8131, double.NaN);

        var frame = animator.ToDataFrame();

        Assert.Equal(["epoch", "train loss", "train acc", "test acc"], frame.Columns.Select(c => c.Name));
        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal(0.5715, (double)frame["train loss"][1]!);
        Assert.True(double.IsNaN((double)frame["test acc"][1]!));
    }

    [Fact]
    public void Add_NaN_IsSkipped()
    {
        var animator = new Animator(legend: ["a", "b", "c"]);
        animator.Add(1, 0.5, double.NaN, double.NaN);
        animator.Add(2, 0.4, 0.8, 0.79);

        Assert.Equal(2, animator.Series[0].Count);
        Assert.Equal([(2.0, 0.8)], animator.Series[1]);
    }

    [Fact]
    public void Figure_CustomLabelsAndFormats_Used()
    {
        var animator = new Animator(xlabel: "step", ylabel: "loss", legend: ["a"], ylim: (0, 2), fmts: ["r:"]);
        animator.Add(0, 1.5);
        var trace = (ScatterTrace)animator.Figure.Data[0];

        Assert.Equal("a", trace.Name);
        Assert.Equal(("#ff0000", "dot"), (trace.Line!.Color, trace.Line.Dash));
        Assert.Equal("loss", animator.Figure.Layout.YAxis().Title!.Text);
    }

    [Theory]
    [InlineData("-", null, "solid")]
    [InlineData("m--", "#bf00bf", "dash")]
    [InlineData("g-.", "#008000", "dashdot")]
    [InlineData("r:", "#ff0000", "dot")]
    [InlineData("k", "#000000", "solid")]
    public void LineFormatParse_MatplotlibFormats_ColourAndDash(string fmt, string? color, string dash)
    {
        Assert.Equal(new LineFormat(color, dash), LineFormat.Parse(fmt));
    }

    [Fact]
    public void LineFormatParse_Unknown_ThrowsWithTheFormat()
    {
        var error = Assert.Throws<ArgumentException>(() => LineFormat.Parse("zz"));

        Assert.Contains("fmt=\"zz\"", error.Message);
    }
}
