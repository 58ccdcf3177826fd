using System.Diagnostics;
using System.Text.Json.Nodes;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace NotebookMnist.Runner.Tests;

/// <summary>Copies fixture notebooks to a fresh temporary folder and checks results against nbformat.</summary>
internal static class Fixture
{
    /// <summary>The fixtures folder in the test output.</summary>
    public static string Source => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>Copies all fixtures into a new temporary folder and returns the path of the named one.</summary>
    public static string Copy(string name)
    {
        var folder = Directory.CreateTempSubdirectory("nbrun-test-").FullName;
        foreach (var file in Directory.GetFiles(Source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return Path.Combine(folder, name);
    }

    /// <summary>Runs a fixture (copied) and writes the executed notebook to an <c>out</c> folder beside it.</summary>
    public static Task<NotebookRunResult> RunAsync(string name, NotebookRunOptions? options = null)
    {
        var path = Copy(name);
        options = (options ?? new NotebookRunOptions()) with { OutputDirectory = Path.Combine(Path.GetDirectoryName(path)!, "out") };
        return NotebookRunner.RunAsync(path, options);
    }

    /// <summary>The executed notebook as JSON.</summary>
    public static JsonObject Written(NotebookRunResult result) => (JsonObject)JsonNode.Parse(File.ReadAllText(result.OutputPath!))!;

    /// <summary>The outputs of the cell at a 1-based position in the written notebook.</summary>
    public static JsonArray Outputs(NotebookRunResult result, int index) => (JsonArray)Written(result)["cells"]![index - 1]!["outputs"]!;

    /// <summary>The mime keys of each display output of a cell.</summary>
    public static string[] Kinds(JsonArray outputs) => outputs.Select(o => o!["output_type"]!.GetValue<string>() switch
    {
        "display_data" => "display_data:" + string.Join("+", o["data"]!.AsObject().Select(p => p.Key)),
        "stream" => "stream:" + o["name"],
        var other => other,
    }).ToArray();

    /// <summary>Asserts that nbformat (Debian python3-nbformat) accepts the file.</summary>
    public static void AssertValidNbformat(string path)
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python,
            ["-c", "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", path])
        { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"nbformat rejected {path}:\n{error}");
    }
}
