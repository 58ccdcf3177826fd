using NotebookMnist.Runner.Reports;
using NotebookMnist.Runner.Tests.Notebooks;
using NotebookMnist.Tests.Plotting;

namespace NotebookMnist.Runner.Tests;

/// <summary>Runs every notebook in notebooks/ in full (real data, all epochs) and checks its key results.</summary>
/// <remarks>
/// The notebooks print their key results as "name: value" lines; the expectations below are the articles' numbers and
/// the bands of the training issue (PyTorch on this machine: Keras CE 0.9221 ± 0.0018, MSE 0.9172 ± 0.0012, d2l 0.831 ± 0.002).
/// </remarks>
[Collection(NotebookCollection.Name)]
public class NotebookTests
{
    private static readonly Dictionary<string, Action<OutputText>> KeyResults = new()
    {
        ["01-softmax.ipynb"] = Softmax,
        ["02-losses.ipynb"] = Losses,
        ["03-dataset.ipynb"] = Dataset,
        ["04-softmax-regression-scratch.ipynb"] = SoftmaxRegressionScratch,
        ["05-keras-mse-to-crossentropy.ipynb"] = KerasMseToCrossentropy,
    };

    public static TheoryData<string> Notebooks() => new(RepositoryPaths.NotebookNames());

    [Fact]
    public void Notebooks_Folder_HoldsTheFiveNotebooksWithExpectations()
    {
        Assert.Equal(KeyResults.Keys.Order(StringComparer.Ordinal), RepositoryPaths.NotebookNames());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task RunAsync_EveryNotebookInFull_SucceedsWithItsKeyResults(string name)
    {
        Assert.True(KeyResults.ContainsKey(name), $"Expected key results declared for {name} in NotebookTests. Received: none.");
        var output = Path.Combine(Path.GetTempPath(), "notebook-tests-" + Environment.ProcessId);
        var result = await NotebookRunner.RunAsync(Path.Combine(RepositoryPaths.NotebooksFolder, name),
            new NotebookRunOptions { OutputDirectory = output });

        Assert.True(result.Succeeded, result.FailureReport());
        Assert.DoesNotContain(result.Cells, c => c.Status == CellStatus.NotRun);
        Assert.All(result.Cells.Where(c => c.Status == CellStatus.Passed), c => Assert.Equal(CellErrorKind.None, c.ErrorKind));
        KeyResults[name](new OutputText(result));
        AssertExportedPageRenders(result, Path.Combine(output, "html"));
    }

    /// <summary>
    /// Opens the notebook's exported HTML page in headless Chromium: every Plotly chart has drawn SVG paths for each of
    /// its traces and every image decoded at least 28 pixels wide. A screenshot goes to the test output folder.
    /// </summary>
    private static void AssertExportedPageRenders(NotebookRunResult result, string htmlFolder)
    {
        HtmlExporter.WriteAll([result], htmlFolder);
        var page = Path.Combine(htmlFolder, Path.ChangeExtension(Path.GetFileName(result.NotebookPath), ".html"));
        var chromium = HeadlessChromium.Find();
        Assert.True(chromium is not null, "Expected Chromium at /usr/bin/chromium (apt-get install chromium; .ci/run installs it).");

        var check = chromium!.CheckPage(page);

        Assert.Empty(check.Errors);
        var displays = result.Cells.SelectMany(c => c.Outputs).OfType<Execution.DisplayOutput>().ToList();
        var charts = displays.Count(d => d.Data.ContainsKey("application/vnd.plotly.v1+json"));
        Assert.Equal(charts, check.Charts.Count);
        Assert.True(charts == 0 || check.Plotly, $"{page}: plotly.js was not inlined (run npm ci --prefix lib/NotebookMnist.Runner).");
        Assert.True(check.Images.Count > 0 == displays.Any(d => d.Data.ContainsKey("image/png")),
            $"{page}: {check.Images.Count} images on the page for the notebook's image outputs.");
        Assert.All(check.Charts, c => Assert.True(c.Container && c.Expected > 0 && c.Drawn == c.Expected,
            $"{page}: chart {c.Id} drew {c.Drawn} of {c.Expected} traces (container: {c.Container})."));
        Assert.All(check.Images, i => Assert.True(i.NaturalWidth >= 28, $"{page}: an image decoded {i.NaturalWidth} px wide."));
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        chromium.Screenshot(page, Path.Combine(screenshots, Path.ChangeExtension(Path.GetFileName(page), ".png")));
    }

    private static void Softmax(OutputText o)
    {
        o.Contains("✓ close");
        o.Contains("naive softmax([1000, 1001])  = [NaN, NaN]");
        o.Contains("stable softmax([1000, 1001]) = [[0.2689, 0.7311]] shape=(1, 2)");
        o.Contains("predicted digit: 3");
        o.Contains("cross-entropy: [2.3026, 0.6931]");
        o.Contains("H(uniform over 10) = 2.3026");
        Assert.Contains("application/vnd.plotly.v1+json", o.MimeTypes);
    }

    private static void Losses(OutputText o)
    {
        o.Contains("mse(0, 2) = 4, gradient = 4");
        o.Contains("mae(0, 2) = 2, gradient = 1");
        o.Contains("gradient:  [-1, -1, -0.5, 0, 0.5, 1, 1]");
        o.Contains("multiclass hinge by hand: 2.9000");
        o.Contains("output a = 0.82: quadratic ∂C/∂w = 0.1219, cross-entropy ∂C/∂w = 0.8176");
        o.Contains("output a = 0.98: quadratic ∂C/∂w = 0.0173, cross-entropy ∂C/∂w = 0.9820");
        Assert.Equal(4, o.MimeTypes.Count(m => m == "application/vnd.plotly.v1+json"));   // L2, L1, all three, the neuron
    }

    private static void Dataset(OutputText o)
    {
        o.Contains("using Fashion-MNIST from");
        o.Contains("sizes: (60000, 10000)");
        o.Contains("image shape: (1, 28, 28)");
        o.Contains("labels: ankle boot, t-shirt, t-shirt, dress, t-shirt, pullover, sneaker, pullover, sandal, sandal");
        o.Contains("X shape: (32, 1, 64, 64) float32, y shape: (32,) int32");
        o.Contains("MNIST sizes: (60000, 10000), image shape: (1, 28, 28)");
        Assert.True(o.Number(@"read pass: ([\d.]+) sec") > 0);
        Assert.True(o.Number(@"train epoch: ([\d.]+) sec") > 0);
        Assert.True(o.MimeTypes.Count(m => m == "image/png") >= 3, "Expected three image grids with a PNG.");
    }

    private static void SoftmaxRegressionScratch(OutputText o)
    {
        o.Contains("W shape: (784, 10)");
        o.Contains("net(X) shape: (256, 10)");
        o.Contains("cross-entropy: [2.3026, 0.6931]");
        o.Contains("accuracy: 0.5\n");
        OutputText.InRange(o.Number(@"untrained test accuracy: ([\d.]+)"), 0.02, 0.25, "the untrained accuracy");
        Assert.Equal(10, o.Numbers(@"^epoch \d+: train loss ([\d.]+)").Count);
        Assert.True(o.Number(@"^train loss: ([\d.]+)") < 0.5, "Expected train loss < 0.5.");
        OutputText.InRange(o.Number(@"^train accuracy: ([\d.]+)"), 0.8, 0.9, "the train accuracy");
        OutputText.InRange(o.Number(@"^test accuracy: ([\d.]+)"), 0.815, 0.845, "the test accuracy");
        Assert.Contains("application/vnd.plotly.v1+json", o.MimeTypes);
        Assert.Contains("image/png", o.MimeTypes);
    }

    private static void KerasMseToCrossentropy(OutputText o)
    {
        o.Contains("x_shape: (60000, 28, 28)");
        o.Contains("y_shape: (60000,)");
        o.Contains("x_train: (60000, 784), x_test: (10000, 784)");
        o.Contains("y_train: (60000, 10), y_test: (10000, 10)");
        o.Contains("Epoch 10/10");
        o.Contains("1875/1875");
        double mseEpoch1 = o.Number(@"^result mse: epoch-1 accuracy ([\d.]+)");
        double mseTest = o.Number(@"^result mse: .*test accuracy ([\d.]+)");
        double ceEpoch1 = o.Number(@"^result categorical_crossentropy: epoch-1 accuracy ([\d.]+)");
        double ceTest = o.Number(@"^result categorical_crossentropy: .*test accuracy ([\d.]+)");
        OutputText.InRange(ceTest, 0.915, 0.93, "the cross-entropy test accuracy");
        OutputText.InRange(mseTest, 0.91, 0.925, "the mse test accuracy");
        Assert.True(ceEpoch1 - mseEpoch1 >= 0.05,
            $"Expected cross-entropy ahead of mse after epoch 1 by ≥ 0.05. Received: {ceEpoch1} vs {mseEpoch1}.");
        Assert.True(ceTest > mseTest, $"Expected cross-entropy to end ahead, as the notebook's summary says. Received: {ceTest} vs {mseTest}.");
        o.Contains("Cross-entropy wins");
        Assert.Contains("application/vnd.plotly.v1+json", o.MimeTypes);
    }
}
