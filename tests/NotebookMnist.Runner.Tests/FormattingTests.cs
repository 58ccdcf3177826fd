using Microsoft.DotNet.Interactive.Formatting;
using NotebookMnist.Runner.Formatting;

namespace NotebookMnist.Runner.Tests;

public class FormattingTests
{
    private sealed record Point(int X, int Y);

    [Fact]
    public void FormatBundle_String_IsTextPlainOnly() =>
        Assert.Equal(["text/plain"], ValueFormatter.FormatBundle("hi", null).Keys);

    [Fact]
    public void FormatBundle_Int_IsDniPlaintextWithStyleOnce()
    {
        var html = Assert.Single(ValueFormatter.FormatBundle(42, null)).Value;

        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>42</pre></div><style>", html);
        Assert.Equal(1, html.Split("<style>").Length - 1);
    }

    [Fact]
    public void Format_ScalarSequenceOverLimit_SummarisesWithCount()
    {
        Assert.Equal("[ 1, 2, 3 ]", ValueFormatter.Format(new[] { 1, 2, 3 }, "text/plain"));
        Assert.Equal("[ " + string.Join(", ", Enumerable.Range(0, 20)) + " ... (5 more) ]",
            ValueFormatter.Format(Enumerable.Range(0, 25).ToList(), "text/plain"));
    }

    [Fact]
    public void Format_DateTimeAndEnum_AreSpansWithoutStyle()
    {
        Assert.Equal("<span>2024-01-02 03:04:05Z</span>", ValueFormatter.Format(new DateTime(2024, 1, 2, 3, 4, 5), "text/html"));
        Assert.Equal("<span>Friday</span>", ValueFormatter.Format(DayOfWeek.Friday, "text/html"));
    }

    [Fact]
    public void Format_Dictionary_IsKeyValueTable()
    {
        var html = ValueFormatter.Format(new Dictionary<string, int> { ["a"] = 1 }, "text/html");

        Assert.StartsWith("<table><thead><tr><th><i>key</i></th><th>value</th></tr></thead><tbody><tr><td><div class=\"dni-plaintext\"><pre>a</pre></div></td>", html);
    }

    [Fact]
    public void Format_MixedSequence_AddsTypeColumn()
    {
        var html = ValueFormatter.Format(new object[] { new Point(1, 2), "text" }, "text/html");

        Assert.Contains("<th><i>type</i></th>", html);
        Assert.Contains("<td>FormattingTests.Point</td>", html);
    }

    [Fact]
    public void Format_ObjectPlainText_ListsMembers() =>
        Assert.Equal("FormattingTests.Point\n    X: 1\n    Y: 2", ValueFormatter.Format(new Point(1, 2), "text/plain"));

    [Fact]
    public void DisplayTable_Records_OneColumnPerProperty()
    {
        var html = ColumnTable.ToHtml(new[] { new Point(1, 2), new Point(3, 4) });

        Assert.StartsWith("<table><thead><tr><td><span>X</span></td><td><span>Y</span></td></tr></thead><tbody><tr><td><div class=\"dni-plaintext\"><pre>1</pre></div></td>", html);
    }

    [Fact]
    public void StripSubmission_TypeNamesAndMessages_RemovesPrefixes() =>
        Assert.Equal("Person and List<Person>", TypeNames.StripSubmission("Submission#4+Person and List<Submission#12.Person>"));

    [Fact]
    public void Register_UserFormatter_WinsAndResetToDefaultForgetsIt()
    {
        try
        {
            Formatter.Register<Point>(p => $"({p.X}, {p.Y})", "text/html");
            Assert.Equal("(1, 2)", ValueFormatter.Format(new Point(1, 2), "text/html"));
            Formatter.SetPreferredMimeTypesFor(typeof(Point), "text/plain", "text/html");
            Assert.Equal(["text/plain", "text/html"], ValueFormatter.FormatBundle(new Point(1, 2), null).Keys);
        }
        finally { Formatter.ResetToDefault(); }
        Assert.Contains("dni-treeview", ValueFormatter.Format(new Point(1, 2), "text/html"));
    }

    [Fact]
    public void Format_HtmlString_IsRawMarkup() =>
        Assert.Equal("<b>x</b>", Assert.Single(ValueFormatter.FormatBundle(Microsoft.DotNet.Interactive.Kernel.HTML("<b>x</b>"), null)).Value);
}
