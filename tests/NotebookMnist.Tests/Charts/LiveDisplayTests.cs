using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using NotebookMnist.Charts;
using NotebookMnist.D2l;
using NotebookMnist.Tests;

namespace NotebookMnist.Tests.Charts;

/// <summary>The live chart inside a genuine .NET Interactive <see cref="Kernel"/> (a minimal one whose cell runs a C# action).</summary>
[Collection(nameof(FormatterCollection))]
public class LiveDisplayTests
{
    /// <summary>A kernel whose every submission runs <paramref name="cell"/> in the kernel's invocation context, as a C# cell would.</summary>
    private sealed class ActionKernel(Action cell) : Kernel("action"), IKernelCommandHandler<SubmitCode>
    {
        public Task HandleAsync(SubmitCode command, KernelInvocationContext context)
        {
            cell();
            return Task.CompletedTask;
        }
    }

    internal static async Task<IReadOnlyList<KernelEvent>> RunCellAsync(Action cell)
    {
        using var kernel = new ActionKernel(cell);
        var result = await kernel.SendAsync(new SubmitCode("cell"));
        var failed = result.Events.OfType<CommandFailed>().FirstOrDefault();
        Assert.True(failed is null, failed?.Message);
        return result.Events;
    }

    [Fact]
    public async Task KernelDefect_DisplayUpdate_StillChangesTheDisplayId()
    {
        // The defect LiveDisplay works around: display(x).Update(y) publishes y under an id that x was never shown with.
        // When this test fails, the kernel is fixed: LiveDisplay can go back to display(x) and Update.
        var events = await RunCellAsync(() => Kernel.display("first").Update("second"));

        var produced = Assert.Single(events.OfType<DisplayedValueProduced>());
        var updated = Assert.Single(events.OfType<DisplayedValueUpdated>());
        Assert.NotEqual(produced.ValueId, updated.ValueId);
    }

    [Fact]
    public async Task Show_ThreeTimesInAKernel_OneDisplayIdForTheValueAndBothUpdates()
    {
        var display = new LiveDisplay("text/plain");
        var events = await RunCellAsync(() =>
        {
            Assert.True(display.Show("one"));
            Assert.True(display.Show("two"));
            Assert.True(display.Show("three"));
        });

        var produced = Assert.Single(events.OfType<DisplayedValueProduced>());
        var updates = events.OfType<DisplayedValueUpdated>().ToList();
        Assert.Equal(2, updates.Count);
        Assert.All(updates, u => Assert.Equal(produced.ValueId, u.ValueId));
        Assert.Equal(display.DisplayId, produced.ValueId);
        Assert.Equal("three", Assert.Single(updates[^1].FormattedValues).Value);
    }

    [Fact]
    public void Show_OutsideAKernel_ShowsNothing()
    {
        var display = new LiveDisplay();

        Assert.False(display.Show("value"));
        Assert.Null(display.DisplayId);
    }

    [Fact]
    public async Task Animator_TenEpochsInAKernel_OneChartUpdatedInPlaceEndingWithEveryPoint()
    {
        var animator = new Animator(xlabel: "epoch", xlim: (1, 10), ylim: (0.3, 0.9), legend: ["train loss", "train acc", "test acc"]);
        var events = await RunCellAsync(() =>
        {
            for (int epoch = 1; epoch <= 10; epoch++) animator.Add(epoch, 1.0 / epoch, 0.7 + epoch / 100.0, 0.69 + epoch / 100.0);
        });

        var produced = Assert.Single(events.OfType<DisplayedValueProduced>());
        var updates = events.OfType<DisplayedValueUpdated>().ToList();
        Assert.Equal(9, updates.Count);
        Assert.All(updates, u => Assert.Equal(produced.ValueId, u.ValueId));
        Assert.Equal(animator.DisplayId, produced.ValueId);
        var last = updates[^1].FormattedValues.ToDictionary(v => v.MimeType, v => v.Value);
        Assert.Equal(["application/vnd.plotly.v1+json", "text/html"], last.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(animator.Figure.ToJson(), last["application/vnd.plotly.v1+json"]);
        using var json = System.Text.Json.JsonDocument.Parse(last["application/vnd.plotly.v1+json"]);
        Assert.All(json.RootElement.GetProperty("data").EnumerateArray(), t => Assert.Equal(10, t.GetProperty("x").GetArrayLength()));
        Assert.DoesNotContain("cdn", last["text/html"], StringComparison.OrdinalIgnoreCase);
    }
}
