using System.Text.Json;
using Microsoft.Data.Analysis;
using NotebookMnist.Tables;
using NotebookMnist.Charts;

namespace NotebookMnist.Tests.Charts;

public class PlotTests
{
    // The lecture's three losses with y = 0, written out here only to feed the chart.
    private static readonly LossCurve L2 = new("L2 loss", y => 0.5 * y * y, y => y);
    private static readonly LossCurve L1 = new("L1 loss", Math.Abs, y => Math.Sign(y));
    private static readonly LossCurve Huber = new("Huber loss",
        y => Math.Abs(y) > 1 ? Math.Abs(y) - 0.5 : 0.5 * y * y, y => Math.Clamp(y, -1, 1));

    private static JsonElement Losses() => JsonDocument.Parse(Plot.PlotLosses(L2, L1, Huber).ToJson()).RootElement;

    [Fact]
    public void PlotLosses_ThreeLosses_ThreePanelsOfThreeCurves()
    {
        var data = Losses().GetProperty("data");

        Assert.Equal(9, data.GetArrayLength());
        string[] axes = data.EnumerateArray().Select(t => t.GetProperty("xaxis").GetString()!).ToArray();
        Assert.Equal(["x", "x", "x", "x2", "x2", "x2", "x3", "x3", "x3"], axes);
        Assert.Equal(["loss", "likelihood exp(−loss)", "gradient"],
            data.EnumerateArray().Take(3).Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["#1f77b4", "#2ca02c", "#ff7f0e"],
            data.EnumerateArray().Take(3).Select(t => t.GetProperty("line").GetProperty("color").GetString()));
    }

    [Fact]
    public void PlotLosses_PanelTitlesAndAxisTitles_NameTheLosses()
    {
        var layout = Losses().GetProperty("layout");

        Assert.Equal(["L2 loss", "L1 loss", "Huber loss"],
            layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("y′ (y = 0)", layout.GetProperty("xaxis3").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void PlotLosses_LegendShownOncePerCurveKind()
    {
        var data = Losses().GetProperty("data");

        Assert.Equal([true, true, true, false, false, false, false, false, false],
            data.EnumerateArray().Select(t => t.GetProperty("showlegend").GetBoolean()));
    }

    [Theory]
    // panel, y′, loss, gradient — by hand: L2 ½·2² = 2; L1 |−1.5| = 1.5; Huber |3| − ½ = 2.5, gradient clipped to 1.
    [InlineData(0, 2.0, 2.0, 2.0)]
    [InlineData(0, -3.0, 4.5, -3.0)]
    [InlineData(1, -1.5, 1.5, -1.0)]
    [InlineData(2, 3.0, 2.5, 1.0)]
    [InlineData(2, 0.5, 0.125, 0.5)]
    public void PlotLosses_HandCheckedPoints_LossLikelihoodGradient(int panel, double yPred, double loss, double gradient)
    {
        var data = Losses().GetProperty("data");
        double[] x = PlotlyFigureTests.Doubles(data[3 * panel].GetProperty("x"));
        int i = Array.IndexOf(x, yPred);

        Assert.True(i >= 0, $"y′={yPred} is not a sample point");
        Assert.Equal(loss, data[3 * panel].GetProperty("y")[i].GetDouble(), 12);
        Assert.Equal(Math.Exp(-loss), data[3 * panel + 1].GetProperty("y")[i].GetDouble(), 12);
        Assert.Equal(gradient, data[3 * panel + 2].GetProperty("y")[i].GetDouble(), 12);
    }

    [Fact]
    public void PlotLosses_DefaultRange_IsMinusThreeToThree()
    {
        double[] x = PlotlyFigureTests.Doubles(Losses().GetProperty("data")[0].GetProperty("x"));

        Assert.Equal((-3.0, 3.0, 121), (x[0], x[^1], x.Length));
    }

    [Fact]
    public void PlotLosses_NoPanels_Throws()
    {
        Assert.Throws<ArgumentException>(() => Plot.PlotLosses());
    }

    [Fact]
    public void LossCurveFromTorch_Huber_ValueAndAutogradGradient()
    {
        // Huber (δ = 1) at y = 0: ½y′² inside |y′| ≤ 1, |y′| − ½ outside; gradient y′ inside, sign(y′) outside.
        var curve = LossCurve.FromTorch("Huber loss", y => TorchSharp.torch.nn.functional.huber_loss(y, TorchSharp.torch.zeros_like(y)));

        Assert.Equal("Huber loss", curve.Name);
        Assert.Equal(0.125, curve.Loss(0.5), 12);
        Assert.Equal(1.5, curve.Loss(-2.0), 12);
        Assert.Equal(0.5, curve.Gradient(0.5), 12);
        Assert.Equal(-1.0, curve.Gradient(-2.0), 12);
    }

    [Fact]
    public void Compare_TwoHistories_LossAndAccuracyPanelsOneLinePerRun()
    {
        using var json = JsonDocument.Parse(Plot.Compare(("mse", History(0.09, 0.05)), ("crossentropy", History(0.6, 0.3))).ToJson());
        var data = json.RootElement.GetProperty("data").EnumerateArray().ToArray();

        Assert.Equal(["mse loss", "mse accuracy", "mse val_accuracy", "crossentropy loss", "crossentropy accuracy", "crossentropy val_accuracy"],
            data.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["x", "x2", "x2", "x", "x2", "x2"], data.Select(t => t.GetProperty("xaxis").GetString()));
        Assert.Equal(["solid", "solid", "dash"], data.Take(3).Select(t => t.GetProperty("line").GetProperty("dash").GetString()));
        Assert.NotEqual(data[0].GetProperty("line").GetProperty("color").GetString(), data[3].GetProperty("line").GetProperty("color").GetString());
        Assert.Equal([1.0, 2.0], PlotlyFigureTests.Doubles(data[0].GetProperty("x")));
        Assert.Equal([0.09, 0.05], PlotlyFigureTests.Doubles(data[0].GetProperty("y")));
        var layout = json.RootElement.GetProperty("layout");
        Assert.Equal("epoch", layout.GetProperty("xaxis2").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Lines_TwoSeries_NamedLinesWithAxisTitles()
    {
        double[] x = [0, 1, 2];
        var figure = Plot.Lines(x, [("a", [1, 2, 3]), ("b", [3, 2, 1])], title: "t", xlabel: "x", ylabel: "y", ylim: (0, 4));
        using var json = JsonDocument.Parse(figure.ToJson());
        var root = json.RootElement;

        Assert.Equal(["a", "b"], root.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("y", root.GetProperty("layout").GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal([0.0, 4.0], PlotlyFigureTests.Doubles(root.GetProperty("layout").GetProperty("yaxis").GetProperty("range")));
    }

    [Fact]
    public void Functions_Sigmoid_SampledAtLinspace()
    {
        var figure = Plot.Functions(-2, 2, [("sigmoid", v => 1 / (1 + Math.Exp(-v)))], points: 5);
        var trace = (ScatterTrace)figure.Data[0];

        Assert.Equal([-2.0, -1.0, 0.0, 1.0, 2.0], trace.X);
        Assert.Equal(0.5, trace.Y![2], 12);
    }

    [Fact]
    public void Bar_TenClasses_OneBarTracePerCategory()
    {
        string[] classes = Enumerable.Range(0, 10).Select(i => $"c{i}").ToArray();
        using var json = JsonDocument.Parse(Plot.Bar(classes, Enumerable.Repeat(0.1, 10).ToArray(), ylabel: "probability").ToJson());
        var trace = json.RootElement.GetProperty("data")[0];

        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal(classes, trace.GetProperty("x").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(10, trace.GetProperty("y").GetArrayLength());
    }

    [Fact]
    public void Bar_MismatchedLengths_ThrowsWithBothCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => Plot.Bar(["a", "b"], [1.0]));

        Assert.Contains("categories.Count=2, values.Count=1", error.Message);
    }

    [Fact]
    public void Heatmap_Tensor_RowsTopToBottom()
    {
        using var values = TorchSharp.torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }).reshape(2, 3);
        using var json = JsonDocument.Parse(Plot.Heatmap(values, rowLabels: ["r0", "r1"]).ToJson());
        var root = json.RootElement;

        Assert.Equal(6, root.GetProperty("data")[0].GetProperty("z")[1][2].GetDouble());
        Assert.Equal("r1", root.GetProperty("data")[0].GetProperty("y")[1].GetString());
        Assert.Equal("reversed", root.GetProperty("layout").GetProperty("yaxis").GetProperty("autorange").GetString());
    }

    [Fact]
    public void Compare_RunWithoutMetricColumns_ThrowsNamingTheRunAndItsColumns()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Plot.Compare(("mse", History(0.1, 0.05)), ("other", Frames.FromColumns(("acc", [0.5])))));

        Assert.Contains("run \"other\"", error.Message);
        Assert.Contains("columns [acc]", error.Message);
    }

    [Fact]
    public void LineAndBar_Tensors_SameJsonAsArrays()
    {
        using var x = TorchSharp.torch.linspace(0, 1, 3, dtype: TorchSharp.torch.ScalarType.Float64);
        using var y = x * 2;

        Assert.Equal(Plot.Line(new double[] { 0, 0.5, 1 }, new double[] { 0, 1, 2 }).ToJson(), Plot.Line(x, y).ToJson());
        Assert.Equal(Plot.Bar(["a", "b", "c"], new double[] { 0, 1, 2 }).ToJson(), Plot.Bar(["a", "b", "c"], y).ToJson());
        Assert.Throws<ArgumentException>(() => Plot.Line(x.reshape(1, 3), y));
    }

    /// <summary>Two epochs of loss, accuracy and val_accuracy, as Keras's History.ToDataFrame() gives them.</summary>
    private static DataFrame History(double loss1, double loss2) =>
        Frames.FromColumns(("loss", [loss1, loss2]), ("accuracy", [0.8, 0.9]), ("val_accuracy", [0.78, 0.85]));
}
