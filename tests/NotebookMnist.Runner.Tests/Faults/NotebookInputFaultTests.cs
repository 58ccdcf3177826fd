using System.Diagnostics;
using NotebookMnist.Runner.Cli;
using NotebookMnist.Runner.Notebook;

namespace NotebookMnist.Runner.Tests.Faults;

/// <summary>Issue 16: hostile notebook files get an error naming the file and the field, never a hang.</summary>
public class NotebookInputFaultTests
{
    private const string Cell = """{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": "1"}""";

    [Theory]
    [InlineData("""{"nbformat": 4, "nbformat_minor": "5", "metadata": {}, "cells": []}""", "nbformat_minor: expected an integer, found a string (\"5\")")]
    [InlineData("""{"nbformat": "4", "metadata": {}, "cells": []}""", "nbformat: expected an integer, found a string (\"4\")")]
    [InlineData("""{"nbformat": 4, "metadata": [], "cells": []}""", "metadata: expected an object, found an array")]
    [InlineData("""{"nbformat": 4, "cells": [CELL, {"cell_type": "code", "source": 3}]}""", "cells[1].source: expected a string or an array of strings, found a number (3)")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "markdown", "source": ["a", 2]}]}""", "cells[0].source: expected a string or an array of strings, found an array holding a number (2)")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code", "source": "", "metadata": {"tags": [1]}}]}""", "cells[0].metadata.tags: expected an array of strings, found an array holding a number (1)")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code", "source": "", "id": 7}]}""", "cells[0].id: expected a string, found a number (7)")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code", "source": "", "id": "a"}, {"cell_type": "raw", "source": "", "id": "a"}]}""", "cells[1].id: expected a unique id, found \"a\" again (also cells[0].id)")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": 1, "source": ""}]}""", "cells[0].cell_type: expected a string, found a number (1)")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code", "source": "", "outputs": {}}]}""", "cells[0].outputs: expected an array, found an object")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code", "source": "", "execution_count": "1"}]}""", "cells[0].execution_count: expected an integer or null, found a string (\"1\")")]
    [InlineData("""{"nbformat": 4, "cells": [7]}""", "cells[0]: expected a cell object, found a number (7)")]
    public void Load_WrongJsonType_ErrorNamesTheFileAndTheFieldPath(string json, string expected)
    {
        var path = Path.Combine(FaultKit.NewFolder(), "typed.ipynb");
        File.WriteAllText(path, json.Replace("CELL", Cell));

        var error = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Load(path));

        Assert.Equal($"{path}: {expected}", error.Message.Split('\n')[0]);
    }

    [Fact]
    public async Task Run_WrongJsonType_ExitOneWithTheFieldAndTheOtherNotebookStillRuns()
    {
        var folder = FaultKit.NewFolder();
        File.WriteAllText(Path.Combine(folder, "a-bad.ipynb"), """{"nbformat": 4, "nbformat_minor": "5", "cells": []}""");
        FaultKit.Write(folder, "b-good.ipynb", FaultKit.Notebook("Console.WriteLine(6 * 7);"));
        var stderr = new StringWriter();
        var stdout = new StringWriter();

        var code = await CommandLine.InvokeAsync([folder, "-o", Path.Combine(folder, "out"), "--no-html", "--junit", Path.Combine(folder, "j.xml")], stdout, stderr);

        Assert.Equal(1, code);
        Assert.Contains("a-bad.ipynb: nbformat_minor: expected an integer, found a string (\"5\")", stderr.ToString());
        Assert.True(File.Exists(Path.Combine(folder, "out", "b-good.ipynb")));
        Assert.Contains("1 notebook(s): 1 ok, 0 failed, 1 unreadable", stdout.ToString());
        Assert.Contains("<error message=", File.ReadAllText(Path.Combine(folder, "j.xml")));
    }

    [Fact]
    public async Task Run_Fifo_RefusedAtOnceNeverBlocks()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = FaultKit.NewFolder();
        var fifo = Path.Combine(folder, "pipe.ipynb");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();

        var run = CommandLine.InvokeAsync([fifo, "-o", Path.Combine(folder, "out"), "--no-html", "--junit", Path.Combine(folder, "j.xml")], new StringWriter(), stderr);
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))) == run;

        if (!finished) await using (File.OpenWrite(fifo)) { } // unblock the reader so the test process can end
        Assert.True(finished, "nbrun blocked on a FIFO.");
        Assert.Equal(1, await run);
        Assert.Contains("pipe.ipynb: expected a regular notebook file. Received: a FIFO", stderr.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void ReadAllBytes_OverTheLimit_StopsNamingBothSizes()
    {
        var path = Path.Combine(FaultKit.NewFolder(), "huge.ipynb");
        File.WriteAllBytes(path, new byte[2048]);

        var error = Assert.Throws<NotebookFormatException>(() => NotebookFile.ReadAllBytes(path, maxBytes: 1024));

        Assert.Contains("huge.ipynb: expected a notebook of at most 1,024 bytes", error.Message);
        Assert.Contains("Received: 2,048 bytes", error.Message);
    }

    [Fact]
    public void ReadAllBytes_EndlessDevice_StopsAtTheLimit()
    {
        if (!File.Exists("/dev/zero")) return;

        var error = Assert.Throws<NotebookFormatException>(() => NotebookFile.ReadAllBytes("/dev/zero", maxBytes: 1 << 20));

        Assert.Contains("Received: more than that", error.Message);
    }

    [Fact]
    public void Load_DefaultLimit_Is64MiBAndNamedInTheError()
    {
        var path = Path.Combine(FaultKit.NewFolder(), "big.ipynb");
        using (var file = File.Create(path)) file.SetLength(NotebookFile.MaxBytes + 1);

        var error = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Load(path));

        Assert.Contains("at most 67,108,864 bytes (64 MiB). Received: 67,108,865 bytes", error.Message);
    }
}
