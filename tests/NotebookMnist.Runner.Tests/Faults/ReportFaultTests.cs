using System.Xml.Linq;
using NotebookMnist.Runner.Cli;
using NotebookMnist.Runner.IO;
using NotebookMnist.Runner.Notebook;
using NotebookMnist.Runner.Reports;

namespace NotebookMnist.Runner.Tests.Faults;

/// <summary>Issue 16: report writing fails clearly (exit 1), and junit.xml is valid XML whatever the cells print.</summary>
public class ReportFaultTests
{
    [Fact]
    public async Task Run_OutputFolderUnderARegularFile_ClearErrorExitOneBeforeRunning()
    {
        var folder = FaultKit.NewFolder();
        var notebook = FaultKit.Write(folder, "n.ipynb", FaultKit.Notebook("1"));
        File.WriteAllText(Path.Combine(folder, "file"), "");
        var stderr = new StringWriter();
        var stdout = new StringWriter();

        var code = await CommandLine.InvokeAsync([notebook, "-o", Path.Combine(folder, "file", "out"), "--no-html", "--junit", Path.Combine(folder, "j.xml")], stdout, stderr);

        Assert.Equal(1, code);
        Assert.Contains("error: Expected a writable folder for executed notebooks (-o). Received: ", stderr.ToString());
        Assert.DoesNotContain("nbrun: ", stdout.ToString()); // nothing ran
    }

    [Fact]
    public async Task Run_OutputFolderPermissionDenied_ClearErrorExitOneNoUnhandledException()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = FaultKit.NewFolder();
        var notebook = FaultKit.Write(folder, "n.ipynb", FaultKit.Notebook("1"));
        var locked = Directory.CreateDirectory(Path.Combine(folder, "locked")).FullName;
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        string[] args = [notebook, "-o", Path.Combine(locked, "out"), "--no-html", "--junit", Path.Combine(locked, "j.xml")];
        // Root ignores permission bits: RunUnprivileged runs the child as nobody then.
        var (code, stderr) = await FaultKit.RunUnprivileged(folder, args);

        Assert.Equal(1, code);
        Assert.Contains("Expected a writable folder for executed notebooks (-o)", stderr);
        Assert.Contains("denied", stderr);
        Assert.DoesNotContain("Unhandled exception", stderr);
    }

    [Fact]
    public async Task Run_JUnitCannotBeWritten_ExitOneEvenThoughEveryCellPassed()
    {
        var folder = FaultKit.NewFolder();
        var notebook = FaultKit.Write(folder, "n.ipynb", FaultKit.Notebook("var x = 1;"));
        // The folder is writable (the probe passes) but the name is longer than any file system allows.
        var junit = Path.Combine(folder, new string('j', 300) + ".xml");
        var stderr = new StringWriter();
        var stdout = new StringWriter();

        var code = await CommandLine.InvokeAsync([notebook, "-o", Path.Combine(folder, "out"), "--no-html", "--junit", junit], stdout, stderr);

        Assert.Equal(1, code);
        Assert.Contains("error: could not write the JUnit report", stderr.ToString());
        Assert.Contains("1 notebook(s): 1 ok, 0 failed", stdout.ToString());
        Assert.True(File.Exists(Path.Combine(folder, "out", "n.ipynb")));
        Assert.Empty(Directory.GetFiles(folder, "*" + AtomicFile.TempSuffix));
    }

    [Fact]
    public void JUnit_ControlCharactersAnsiAndLoneSurrogates_ParsesAsXmlAndKeepsTheText()
    {
        var folder = FaultKit.NewFolder();
        var path = FaultKit.Write(folder, "n\u0001.ipynb", FaultKit.Notebook("Console.Write(\"\\u001b[31mred\");"));
        var hostile = "\u001b[31mred\u001b[0m bell\u0007 nul\0 back\b lone\ud800 pair\ud83d\ude00 tab\t ffff\uffff osc\u001b]0;title\u0007end";
        var cell = new CellRunResult
        {
            Index = 1, CodeIndex = 1, CellType = "code", Source = "Console.Write(\"\\u001b\");\n// \u0002 \ud83d", Status = CellStatus.Failed,
            ErrorKind = CellErrorKind.Runtime, ErrorMessage = "boom " + hostile, StandardOutput = hostile, ExecutionCount = 1,
        };
        var result = new NotebookRunResult { NotebookPath = path, Document = NotebookDocument.Load(path), Cells = [cell] };
        var junit = Path.Combine(folder, "junit.xml");

        JUnitReport.Write([result], junit, [(Path.Combine(folder, "bad\u001b.ipynb"), "bad\u0007 notebook")]);

        var xml = XDocument.Load(junit); // throws on invalid XML
        var output = xml.Descendants("system-out").Single().Value;
        Assert.Equal("red bell\\u0007 nul\\u0000 back\\u0008 lone\uFFFD pair\ud83d\ude00 tab\t ffff\uFFFD oscend", output);
        Assert.StartsWith("boom red bell\\u0007", xml.Descendants("failure").Single().Attribute("message")!.Value);
        Assert.Equal("n\\u0001.ipynb", xml.Descendants("testsuite").First().Attribute("name")!.Value);
        Assert.Equal("1", xml.Root!.Attribute("errors")!.Value);
    }
}
