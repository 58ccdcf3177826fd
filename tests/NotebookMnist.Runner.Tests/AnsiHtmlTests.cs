using System.Text.Json.Nodes;
using NotebookMnist.Runner.Reports;
using NotebookMnist.Runner.Tests.Faults;

namespace NotebookMnist.Runner.Tests;

/// <summary>ANSI escapes a cell prints become spans in the HTML pages, not raw <c>\e[31m</c> text.</summary>
public class AnsiHtmlTests
{
    private const string E = "\u001b";

    [Theory]
    [InlineData("a < b & c", "a &lt; b &amp; c")]
    [InlineData(E + "[31mred" + E + "[0m plain", "<span class=\"ansi-red-fg\">red</span> plain")]
    [InlineData(E + "[31m<b>" + E + "[m", "<span class=\"ansi-red-fg\">&lt;b&gt;</span>")]
    // Bold and bright green; 39 ends the colour only, 22 the bold.
    [InlineData(E + "[1;92mok" + E + "[39m bold" + E + "[22m plain",
        "<span class=\"ansi-bold ansi-bright-green-fg\">ok</span><span class=\"ansi-bold\"> bold</span> plain")]
    [InlineData(E + "[3;4;44mx", "<span class=\"ansi-italic ansi-underline ansi-blue-bg\">x</span>")]
    // 256 colours: 196 = 16 + 36·5 → (255, 0, 0); 244 = 232 + 12 → grey 8 + 10·12 = 128; 9 = bright red.
    [InlineData(E + "[38;5;196mX", "<span style=\"color: rgb(255,0,0)\">X</span>")]
    [InlineData(E + "[48;5;244mX", "<span style=\"background-color: rgb(128,128,128)\">X</span>")]
    [InlineData(E + "[38;5;9mX", "<span class=\"ansi-bright-red-fg\">X</span>")]
    [InlineData(E + "[38;2;10;20;30mX", "<span style=\"color: rgb(10,20,30)\">X</span>")]
    // Not colours: erase line, cursor up, hide the cursor, a two-byte escape, a stray ESC at the end: all dropped.
    [InlineData("50%" + E + "[K" + E + "[2A" + E + "[?25ldone" + E + "Mx" + E, "50%donex")]
    public void Convert_Text_ExpectedHtml(string text, string expected) => Assert.Equal(expected, AnsiHtml.Convert(text));

    [Fact]
    public void Render_IPythonTracebackLinesWithoutNewlines_JoinedByNewlinesAndColoured()
    {
        var output = JsonNode.Parse($$"""
            {"output_type": "error", "ename": "ValueError", "evalue": "bad",
             "traceback": ["\u001b[0;31mValueError\u001b[0m Traceback", "----> 1 f()"]}
            """);

        var html = OutputRenderer.Render(output, new OutputRenderer.Context());

        Assert.Equal("<pre class=\"output error\"><span class=\"ansi-red-fg\">ValueError</span> Traceback\n----&gt; 1 f()</pre>", html);
    }

    [Fact]
    public async Task HtmlPage_CellPrintsAnsiColours_SpansAndTheirCssNoEscapeCharacter()
    {
        var folder = FaultKit.NewFolder();
        var path = FaultKit.Write(folder, "colours.ipynb", FaultKit.Notebook(
            "Console.WriteLine(\"\\u001b[1;31mFAILED\\u001b[0m 3 tests\");"));
        var result = await NotebookRunner.RunAsync(path, new NotebookRunOptions { OutputDirectory = Path.Combine(folder, "out") });
        var html = Path.Combine(folder, "html");

        HtmlExporter.WriteAll([result], html);

        var page = File.ReadAllText(Path.Combine(html, "colours.html"));
        Assert.Contains("<pre class=\"output stream stdout\"><span class=\"ansi-bold ansi-red-fg\">FAILED</span> 3 tests\n</pre>", page);
        Assert.Contains(".ansi-red-fg { color: #e75c58; }", page);
        Assert.DoesNotContain(E, page);
    }
}
