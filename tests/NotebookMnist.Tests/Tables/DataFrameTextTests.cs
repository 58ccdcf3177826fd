using Microsoft.Data.Analysis;
using NotebookMnist.Tables;

namespace NotebookMnist.Tests.Tables;

public class DataFrameTextTests
{
    [Fact]
    public void Format_LongRowName_KeepsEveryColumnApart()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("loss", ["mse", "categorical_crossentropy"]),
            new DoubleDataFrameColumn("test acc", [0.92, 0.9225]));

        Assert.Equal(
            "loss                      test acc\n" +
            "mse                       0.92\n" +
            "categorical_crossentropy  0.9225",
            DataFrameText.Format(frame));
    }

    [Fact]
    public void Format_LongFrame_ShowsHeadEllipsisAndTailLikeTheHtmlTable()
    {
        var frame = new DataFrame(new Int64DataFrameColumn("n", Enumerable.Range(0, 40).Select(i => (long)i)));

        var lines = DataFrameText.Format(frame).Split('\n');

        Assert.Equal(1 + DataFrameHtml.HeadRows + 1 + DataFrameHtml.TailRows, lines.Length);
        Assert.Equal("…", lines[1 + DataFrameHtml.HeadRows]);
        Assert.Equal("39", lines[^1]);
    }
}
