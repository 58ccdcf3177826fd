using System.Text.Json;
using static TorchSharp.torch;

namespace NotebookMnist.Tests.Charts;

/// <summary>d2l's <c>plot</c> helper: figure JSON for arrays and tensors.</summary>
public class D2lPlotTests
{
    [Fact]
    public void Plot_ReluAndGradient_TwoStyledLinesWithD2lAxes()
    {
        double[] x = [-1, 0, 1, 2];
        var figure = NotebookMnist.D2l.D2l.Plot(x, [[0, 0, 1, 2], [0, 0, 1, 1]], "x", "relu(x)", legend: ["relu", "grad"],
            ylim: (-0.5, 2.5), figsize: (5, 2.5));
        using var json = JsonDocument.Parse(figure.ToJson());
        var data = json.RootElement.GetProperty("data");
        var layout = json.RootElement.GetProperty("layout");

        Assert.Equal(["relu", "grad"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["solid", "dash"], data.EnumerateArray().Select(t => t.GetProperty("line").GetProperty("dash").GetString()));
        Assert.Equal([0.0, 0, 1, 1], PlotlyFigureTests.Doubles(data[1].GetProperty("y")));
        Assert.Equal("relu(x)", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal([-0.5, 2.5], PlotlyFigureTests.Doubles(layout.GetProperty("yaxis").GetProperty("range")));
        Assert.Equal(5 * 128 + 120, layout.GetProperty("width").GetInt32()); // 5 inches and the legend
    }

    [Fact]
    public void Plot_Tensors_SameFigureAsArrays()
    {
        using var x = arange(-2.0, 3.0, 1.0, dtype: ScalarType.Float32);
        using var y = nn.functional.relu(x);

        var fromTensors = NotebookMnist.D2l.D2l.Plot(x, y, "x", "relu(x)");
        var fromArrays = NotebookMnist.D2l.D2l.Plot(new double[] { -2, -1, 0, 1, 2 }, [[0, 0, 0, 1, 2]], "x", "relu(x)");

        Assert.Equal(fromArrays.ToJson(), fromTensors.ToJson());
    }

    [Fact]
    public void Plot_SeriesOfAnotherLength_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => NotebookMnist.D2l.D2l.Plot(new double[] { 0, 1 }, [[0, 1], [1]]));

        Assert.Contains("Expected every series to have x.Length=2 values. Received: ys[1] with 1.", error.Message);
    }
}
