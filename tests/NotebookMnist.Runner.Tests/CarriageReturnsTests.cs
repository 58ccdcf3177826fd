using NotebookMnist.Runner.Execution;

namespace NotebookMnist.Runner.Tests;

public class CarriageReturnsTests
{
    [Theory]
    [InlineData("10/20 [==>   ]\r20/20 [=====]\n", "20/20 [=====]\n")]
    [InlineData("a\rb\rc", "c")]
    [InlineData("Epoch 1/2\n1/2\r2/2 - loss: 1\nEpoch 2/2\n", "Epoch 1/2\n2/2 - loss: 1\nEpoch 2/2\n")]
    [InlineData("windows\r\nline\r\n", "windows\r\nline\r\n")]
    [InlineData("no carriage return\n", "no carriage return\n")]
    public void Collapse_KeepsWhatATerminalShows(string raw, string expected) =>
        Assert.Equal(expected, CarriageReturns.Collapse(raw));
}
