using System.Text;
using Microsoft.Data.Analysis;
using NotebookMnist.Charts;
using NotebookMnist.D2l;
using NotebookMnist.Tables;
using NotebookMnist.Tests.Plotting;
using static TorchSharp.torch;

namespace NotebookMnist.Tests.Charts;

/// <summary>Draws the library's charts and image grids in headless Chromium and checks that they rendered.</summary>
public class BrowserTests
{
    // d2l's scratch softmax regression, per epoch: train loss, train acc, test acc (articles.md §1c).
    private static readonly double[][] D2lEpochs =
    [
        [0.7866, 0.7483, 0.7892], [0.5715, 0.8131, 0.8068], [0.5256, 0.8259, 0.8164], [0.5013, 0.8319, 0.8173],
        [0.4850, 0.8376, 0.8274], [0.4732, 0.8410, 0.8230], [0.4656, 0.8423, 0.8296], [0.4574, 0.8456, 0.8241],
        [0.4522, 0.8473, 0.8249], [0.4475, 0.8476, 0.8360],
    ];

    [Fact]
    public void PlotsPage_InChromium_EveryChartAndImageRenders()
    {
        var chromium = RequireChromium();
        string page = WritePage("plots.html", PlotsPageBody());

        var check = chromium.CheckPage(page);
        chromium.Screenshot(page, Path.Combine(OutputDirectory, "plots.png"), width: 1000, height: 1640);

        Assert.True(check.Plotly, "window.Plotly is missing");
        Assert.Empty(check.Errors);
        Assert.Empty(check.ExternalRequests);
        Assert.Equal(4, check.Placeholders);
        Assert.Equal([9, 3, 6, 2], check.Charts.Select(c => c.Expected));
        Assert.All(check.Charts, c => Assert.True(c.Container && c.Drawn == c.Expected, $"{c.Id}: drew {c.Drawn} of {c.Expected} traces"));
        Assert.Equal(18 + 6, check.Images.Count);
        Assert.All(check.Images, i => Assert.True(i.Complete && i.NaturalWidth >= 28, $"image natural width {i.NaturalWidth}"));
    }

    [Fact]
    public void BrokenPage_InChromium_ReportsUndrawnChartAndBrokenImage()
    {
        var chromium = RequireChromium();
        string body = "<div class=\"notebook-mnist-plotly\"></div><img src=\"data:image/png;base64,AAAA\">";
        string page = WritePage("broken.html", body);

        var check = chromium.CheckPage(page);

        Assert.Equal(1, check.Placeholders);
        Assert.Empty(check.Charts);
        Assert.Equal(0, Assert.Single(check.Images).NaturalWidth);
    }

    [Fact]
    public void PageWithCdnScriptAndImage_InChromium_RequestsAreTrappedAndCheckPageFails()
    {
        var chromium = RequireChromium();
        string body = "<script src=\"https://cdn.plot.ly/plotly-3.1.0.min.js\"></script><img src=\"http://example.com/x.png\">";
        string page = WritePage("external.html", body);

        var check = chromium.CheckPage(page, allowExternalRequests: true);
        var error = Assert.Throws<InvalidOperationException>(() => chromium.CheckPage(page));

        Assert.Contains(check.ExternalRequests, r => r.StartsWith("CONNECT cdn.plot.ly:443", StringComparison.Ordinal));
        Assert.Contains(check.ExternalRequests, r => r.StartsWith("GET http://example.com/x.png", StringComparison.Ordinal));
        Assert.Contains("Expected no request from", error.Message);
        Assert.Contains("cdn.plot.ly", error.Message);
    }

    [Fact]
    public void FigureHtml_PageWithoutPlotly_SaysSoAndFetchesNothing()
    {
        var chromium = RequireChromium();
        string page = Path.Combine(OutputDirectory, "no-plotly.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><head></head><body>" + Plot.Line(new double[] { 0, 1 }, new double[] { 1, 0 }).ToHtml() + "</body></html>");

        var check = chromium.CheckPage(page);

        Assert.False(check.Plotly);
        Assert.Empty(check.Charts);
        Assert.Empty(check.Errors);
    }

    private static string PlotsPageBody()
    {
        var losses = Plot.PlotLosses(
            new LossCurve("L2 loss", y => 0.5 * y * y, y => y),
            new LossCurve("L1 loss", Math.Abs, y => Math.Sign(y)),
            new LossCurve("Huber loss", y => Math.Abs(y) > 1 ? Math.Abs(y) - 0.5 : 0.5 * y * y, y => Math.Clamp(y, -1, 1)));
        var animator = new Animator(xlabel: "epoch", xlim: (1, 10), ylim: (0.3, 0.9), legend: ["train loss", "train acc", "test acc"]);
        for (int epoch = 0; epoch < D2lEpochs.Length; epoch++) animator.Add(epoch + 1, D2lEpochs[epoch]);
        var compare = Plot.Compare(("mse", History(0.05, 0.80)), ("crossentropy", History(0.60, 0.84)));
        var x = Plot.Linspace(-8, 8, 81);
        var relu = global::NotebookMnist.D2l.D2l.Plot(x, [x.Select(v => Math.Max(v, 0)).ToArray(), x.Select(v => v > 0 ? 1.0 : 0.0).ToArray()],
            "x", "relu(x)", legend: ["relu", "grad"]);
        var labels = Enumerable.Range(0, 18).Select(i => $"shape {i}").ToArray();
        using var images = SyntheticImages(18);
        var grid = global::NotebookMnist.D2l.D2l.ShowImages(images, 2, 9, labels);
        var predictions = global::NotebookMnist.D2l.D2l.ShowImages(images[..6], 1, 6, labels[..6].Select(l => l + "\n" + l).ToArray());
        return new StringBuilder()
            .Append("<h2>Losses</h2>").Append(losses.ToHtml())
            .Append("<h2>Training (Animator)</h2>").Append(animator.Figure.ToHtml())
            .Append("<h2>MSE vs cross-entropy</h2>").Append(compare.ToHtml())
            .Append("<h2>d2l plot</h2>").Append(relu.ToHtml())
            .Append("<h2>Images</h2>").Append(grid.ToHtml())
            .Append("<h2>Predictions</h2>").Append(predictions.ToHtml())
            .ToString();
    }

    private static string WritePage(string name, string body)
    {
        string plotly = Path.Combine(RepositoryRoot(), "lib", "NotebookMnist.Runner", "node_modules", "plotly.js-dist-min", "plotly.min.js");
        Assert.True(File.Exists(plotly), $"Expected plotly.js at {plotly}; run `npm ci --prefix lib/NotebookMnist.Runner`.");
        string html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>NotebookMnist plots</title>\n<script>" +
            File.ReadAllText(plotly) + "</script>\n<style>body{font-family:sans-serif;margin:16px}h2{font-size:16px}</style>" +
            "</head><body>\n" + body + "\n</body></html>\n";
        string path = Path.Combine(OutputDirectory, name);
        File.WriteAllText(path, html);
        return path;
    }

    private static HeadlessChromium RequireChromium() =>
        HeadlessChromium.Find() ?? throw new InvalidOperationException(
            "Expected Chromium at /usr/bin/chromium (or $CHROMIUM_PATH) for the browser test. Received: none; `apt-get install chromium`.");

    private static string OutputDirectory => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "browser")).FullName;

    /// <summary>The folder holding NotebookMnist.sln, found by walking up from the test binaries.</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NotebookMnist.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"Expected NotebookMnist.sln above {AppContext.BaseDirectory}. Received: none.");
    }

    /// <summary>n 28×28 images (n, 28, 28): ellipses of different sizes over a soft gradient.</summary>
    private static Tensor SyntheticImages(int n)
    {
        var images = new float[n * 784];
        for (int k = 0; k < n; k++)
        {
            double rx = 4 + k % 6 * 1.8, ry = 12 - k % 5 * 1.5;
            for (int y = 0; y < 28; y++)
                for (int x = 0; x < 28; x++)
                {
                    double e = Math.Pow((x - 13.5) / rx, 2) + Math.Pow((y - 13.5) / ry, 2);
                    images[k * 784 + y * 28 + x] = (float)(e <= 1 ? 0.6 + 0.4 * (1 - e) : 0.15 * y / 27.0);
                }
        }
        return tensor(images).reshape(n, 28, 28);
    }

    private static DataFrame History(double firstLoss, double finalAccuracy)
    {
        var epochs = Enumerable.Range(1, 5).Select(e => (double)e).ToArray();
        return Frames.FromColumns(
            ("loss", epochs.Select(e => firstLoss / e)),
            ("accuracy", epochs.Select(e => finalAccuracy - 0.1 / e)),
            ("val_accuracy", epochs.Select(e => finalAccuracy - 0.02 - 0.1 / e)));
    }
}
