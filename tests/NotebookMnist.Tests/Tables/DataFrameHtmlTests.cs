using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;
using NotebookMnist.Tables;

namespace NotebookMnist.Tests.Tables;

public class DataFrameHtmlTests
{
    [Fact]
    public void Format_SmallFrame_HeaderIndexAndInvariantCells()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("run", ["MSE", "<ce>"]),
            new DoubleDataFrameColumn("loss", [0.0512345678, 1234567.0]),
            new Int32DataFrameColumn("epochs", [10, 20]));

        string html = DataFrameHtml.Format(frame);

        Assert.StartsWith("<table", html);
        Assert.Contains("<thead><tr><th></th><th>run</th><th>loss</th><th>epochs</th></tr></thead>", html);
        Assert.Contains("<tr><td><b>0</b></td><td>MSE</td><td>0.0512346</td><td>10</td></tr>", html);
        Assert.Contains("<tr><td><b>1</b></td><td>&lt;ce&gt;</td><td>1.23457E+06</td><td>20</td></tr>", html);
        Assert.Contains("2 rows × 3 columns", html);
    }

    [Fact]
    public void Format_LongFrame_HeadEllipsisTail()
    {
        var frame = Frames.FromColumns(("x", Enumerable.Range(0, 100).Select(i => (double)i)));

        string html = DataFrameHtml.Format(frame);

        Assert.Equal(DataFrameHtml.HeadRows + 1 + DataFrameHtml.TailRows, Regex.Matches(html, "<tr><td>").Count);
        Assert.Contains("<td><b>19</b></td>", html);
        Assert.DoesNotContain("<td><b>20</b></td>", html);
        Assert.Contains("<td><b>99</b></td>", html);
        Assert.Contains("100 rows × 1 columns", html);
    }

    [Fact]
    public void Cell_NullAndNumbers_InvariantText()
    {
        Assert.Equal("", DataFrameHtml.Cell(null));
        Assert.Equal("0.5", DataFrameHtml.Cell(0.5f));
        Assert.Equal("NaN", DataFrameHtml.Cell(double.NaN));
    }
}
