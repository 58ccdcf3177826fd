using System.Text.RegularExpressions;
using NotebookMnist.Keras;

namespace NotebookMnist.Tests.Keras;

public class ProgbarTests
{
    /// <summary>A clock the test moves by hand.</summary>
    private sealed class FakeClock
    {
        public TimeSpan Now;
        public TimeSpan Read() => Now;
    }

    private static readonly (string, double)[] Logs = [("loss", 0.29014), ("accuracy", 0.91834)];

    [Fact]
    public void Update_NonInteractive_WritesOnlyTheFinalKerasLine()
    {
        var clock = new FakeClock();
        var writer = new StringWriter();
        var bar = new Progbar(1875, writer, interactive: false, width: 30, interval: null, clock: clock.Read);
        for (int step = 1; step <= 1875; step++)
        {
            clock.Now += TimeSpan.FromTicks(200);               // 20 µs per step
            bar.Update(step, Logs);
        }
        bar.Update(1875, Logs, finalize: true);
        Assert.Equal("1875/1875 [==============================] - 0s 20us/step - loss: 0.2901 - accuracy: 0.9183" + Environment.NewLine,
            writer.ToString());
    }

    [Fact]
    public void Update_Interactive_RedrawsInPlaceWithArrowAndEta()
    {
        var clock = new FakeClock();
        var writer = new StringWriter();
        var bar = new Progbar(3, writer, interactive: true, width: 30, interval: TimeSpan.Zero, clock: clock.Read);
        for (int step = 1; step <= 3; step++)
        {
            clock.Now += TimeSpan.FromMilliseconds(2);
            bar.Update(step, Logs);
        }
        bar.Update(3, Logs, finalize: true);
        string text = writer.ToString();
        string[] frames = text.Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, frames.Length);
        Assert.Equal("1/3 [=========>....................] - ETA: 0s - loss: 0.2901 - accuracy: 0.9183", frames[0]);
        Assert.StartsWith("2/3 [===================>..........] - ETA: 0s", frames[1]);
        Assert.Equal("3/3 [==============================] - 0s 2ms/step - loss: 0.2901 - accuracy: 0.9183" + Environment.NewLine, frames[3]);
        Assert.Single(Regex.Matches(text, Environment.NewLine));
    }

    [Fact]
    public void Update_InteractiveWithinInterval_SkipsRedrawsButAlwaysDrawsTheEnd()
    {
        var clock = new FakeClock();
        var writer = new StringWriter();
        var bar = new Progbar(100, writer, interactive: true, width: 30, interval: TimeSpan.FromMilliseconds(50), clock: clock.Read);
        for (int step = 1; step <= 100; step++)
        {
            clock.Now += TimeSpan.FromMilliseconds(1);
            bar.Update(step, []);
        }
        var frames = writer.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["  1/100", " 51/100", "100/100"], frames.Select(f => f[..7]));
    }

    [Fact]
    public void Update_ShorterLineAfterLongerOne_PadsOverTheOldText()
    {
        var writer = new StringWriter();
        var bar = new Progbar(2, writer, interactive: true, interval: TimeSpan.Zero);
        // The loss text shrinks by 15 characters ("1000000000000000.0000" → "1.5000"), more than the timing text
        // can grow ("ETA: 0s" → "0s 123us/step"), so without padding the second frame would be shorter.
        bar.Update(1, [("loss", 1e15)]);
        bar.Update(2, [("loss", 1.5)]);
        var frames = writer.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("1000000000000000.0000", frames[0]);
        Assert.True(frames[1].TrimEnd('\n').Length >= frames[0].Length,
            $"Expected the second frame to cover the first. Received:\n{frames[0]}\n{frames[1]}");
    }

    [Theory]
    [InlineData(0.29014, "0.2901")]
    [InlineData(12.5, "12.5000")]
    [InlineData(0.00012345, "1.2345e-04")]
    [InlineData(0.0, "0.0000e+00")]
    public void FormatValue_FollowsKeras(double value, string expected) =>
        Assert.Equal(expected, Progbar.FormatValue(value));

    [Fact]
    public void Constructor_NonPositiveTarget_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Progbar(0));
        Assert.Equal("target", e.ParamName);
    }

    [Fact]
    public void Fit_VerboseToRedirectedWriter_PrintsEpochHeaderAndOneLinePerEpoch()
    {
        var x = TensorData.Rows([1f, 0f], [0f, 1f], [1f, 1f], [0f, 0f], [2f, 0f]);
        var y = TensorData.OneHot([0, 1, 1, 0, 0], 2);
        var model = new Sequential(new Dense(2, inputDim: 2, activation: "softmax", seed: 1));
        model.Compile(new SGD(0.1), "categorical_crossentropy", ["accuracy"]);
        var writer = new StringWriter();
        var history = model.Fit(x, y, batchSize: 2, epochs: 2, validationData: (x, y), verbose: 1, seed: 1, output: writer);
        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("Epoch 1/2", lines[0]);
        Assert.Equal("Epoch 2/2", lines[2]);
        Assert.Matches(@"^3/3 \[=+\] - \d+s \d+(us|ms|s)/step - loss: \d\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d\.\d{4} - val_accuracy: \d\.\d{4}$", lines[3]);
        Assert.Contains($"- loss: {Progbar.FormatValue(history["loss"][1])} ", lines[3]);
        Assert.DoesNotContain('\r', writer.ToString());
    }

    [Fact]
    public void Fit_VerboseZero_WritesNothing()
    {
        var writer = new StringWriter();
        var model = new Sequential(new Dense(2, inputDim: 2, seed: 1));
        model.Compile(new SGD(0.1), "mse");
        model.Fit(TorchSharp.torch.zeros(4, 2), TorchSharp.torch.zeros(4, 2), verbose: 0, output: writer);
        Assert.Equal("", writer.ToString());
    }
}
