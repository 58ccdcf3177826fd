using NotebookMnist.Runner.Cli;

namespace NotebookMnist.Runner.Tests;

public class CommandLineTests
{
    [Theory]
    [InlineData("succeed.ipynb", 0)]
    [InlineData("fail-runtime.ipynb", 2)]
    [InlineData("fail-compile.ipynb", 2)]
    [InlineData("unknown-magic.ipynb", 2)]
    public async Task InvokeAsync_Notebook_ExitCodeAndOutputs(string name, int expected)
    {
        var path = Fixture.Copy(name);
        var folder = Path.GetDirectoryName(path)!;

        var code = await CommandLine.InvokeAsync([path, "--output", Path.Combine(folder, "out"), "--no-html", "--junit", Path.Combine(folder, "junit.xml")]);

        Assert.Equal(expected, code);
        Assert.True(File.Exists(Path.Combine(folder, "out", name)));
        var junit = File.ReadAllText(Path.Combine(folder, "junit.xml"));
        Assert.Contains($"<testsuite name=\"{name}\"", junit);
        Assert.Equal(expected == 0, !junit.Contains("<failure"));
    }

    [Fact]
    public async Task InvokeAsync_Folder_RunsEveryNotebookInNameOrder()
    {
        var folder = Path.GetDirectoryName(Fixture.Copy("succeed.ipynb"))!;
        var only = Directory.CreateDirectory(Path.Combine(folder, "two")).FullName;
        File.Copy(Path.Combine(folder, "jupyter.ipynb"), Path.Combine(only, "b.ipynb"));
        File.Copy(Path.Combine(folder, "vscode-old.ipynb"), Path.Combine(only, "a.ipynb"));

        var code = await CommandLine.InvokeAsync([only, "--output", Path.Combine(folder, "out"), "--no-html", "--junit", Path.Combine(folder, "j.xml")]);

        Assert.Equal(0, code);
        var junit = File.ReadAllText(Path.Combine(folder, "j.xml"));
        Assert.True(junit.IndexOf("a.ipynb", StringComparison.Ordinal) < junit.IndexOf("b.ipynb", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvokeAsync_TwoJobs_LongestLastTimeStartsFirstAndReportsKeepTheNamedOrder()
    {
        var folder = Path.GetDirectoryName(Fixture.Copy("succeed.ipynb"))!;
        var only = Directory.CreateDirectory(Path.Combine(folder, "three")).FullName;
        foreach (var name in new[] { "a.ipynb", "b.ipynb", "c.ipynb" }) File.Copy(Path.Combine(folder, "succeed.ipynb"), Path.Combine(only, name));
        var junitPath = Path.Combine(folder, "j.xml");
        File.WriteAllText(junitPath, """
            <testsuites>
              <testsuite name="a.ipynb" tests="1" time="1.5" />
              <testsuite name="b.ipynb" tests="1" time="2.5" />
              <testsuite name="c.ipynb" tests="1" time="9.0" />
            </testsuites>
            """);
        var stdout = new StringWriter();

        var code = await CommandLine.InvokeAsync([only, "--jobs", "2", "--output", Path.Combine(folder, "out"), "--no-html", "--junit", junitPath], stdout, new StringWriter());

        Assert.Equal(0, code);
        var lines = stdout.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int Started(string name) => lines.FindIndex(l => l.StartsWith("nbrun: ") && l.EndsWith(name));
        // c (9 s last time) and b (2.5 s) take the two jobs; a (1.5 s) waits for one of them to finish. (Which of c and
        // b prints its start first is a race between the two jobs.)
        Assert.True(Started("c.ipynb") >= 0 && Started("c.ipynb") < Started("a.ipynb") && Started("b.ipynb") < Started("a.ipynb"),
            "c and b (the longest last time) should start before a (the shortest):\n" + stdout);
        foreach (var name in new[] { "a.ipynb", "b.ipynb", "c.ipynb" })
            Assert.Contains(lines, l => l.Contains(name + " ok (") && l.EndsWith(" s)"));
        var junit = File.ReadAllText(junitPath);
        int At(string name) => junit.IndexOf($"name=\"{name}\"", StringComparison.Ordinal);
        Assert.True(At("a.ipynb") >= 0 && At("a.ipynb") < At("b.ipynb") && At("b.ipynb") < At("c.ipynb"), junit);
    }

    [Fact]
    public async Task InvokeAsync_ParametersAndInPlace_InjectsValuesIntoTheInputFile()
    {
        var path = Fixture.Copy("parameters.ipynb");
        var folder = Path.GetDirectoryName(path)!;

        var code = await CommandLine.InvokeAsync([path, "-p", "epochs=7", "-p", "name=cli run", "--in-place", "--no-html", "--junit", Path.Combine(folder, "j.xml")]);

        Assert.Equal(0, code);
        var text = File.ReadAllText(path);
        Assert.Contains("\"int epochs = 7;\\n\"", text);
        Assert.Contains("\"7 0.1 cli run False\\n\"", text);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Theory]
    [InlineData("does-not-exist.ipynb")]
    [InlineData("succeed.ipynb", "-p", "no-equals-sign")]
    [InlineData("succeed.ipynb", "--timeout", "0")]
    public async Task InvokeAsync_UsageOrIoError_ExitsOne(params string[] args)
    {
        var folder = Path.GetDirectoryName(Fixture.Copy("succeed.ipynb"))!;
        args[0] = Path.Combine(folder, args[0]);

        Assert.Equal(1, await CommandLine.InvokeAsync([.. args, "--no-html", "--output", Path.Combine(folder, "out"), "--junit", Path.Combine(folder, "j.xml")]));
    }

    [Fact]
    public async Task InvokeAsync_InvalidJson_ExitsOne()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(folder, "broken.ipynb"), "{ not json");

        Assert.Equal(1, await CommandLine.InvokeAsync([folder, "--no-html", "--output", Path.Combine(folder, "out"), "--junit", Path.Combine(folder, "j.xml")]));
    }
}
