using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NotebookMnist.Runner.Notebook;

namespace NotebookMnist.Runner.Tests;

public class PackageRestorerTests
{
    [Fact]
    public async Task RunAsync_NuGetFromLocalFeed_RestoresThroughGeneratedProjectAndCaches()
    {
        var folder = Directory.CreateTempSubdirectory("nbrun-nuget-").FullName;
        var feed = Directory.CreateDirectory(Path.Combine(folder, "feed")).FullName;
        WritePackage(Path.Combine(feed, "Nbrun.Test.Tiny.1.0.0.nupkg"));
        var notebook = Path.Combine(folder, "nuget.ipynb");
        NotebookWriter.Write(Notebook($"#i \"nuget: {feed}\"\n#r \"nuget: Nbrun.Test.Tiny, 1.0.0\"\nTinyPackage.Greeter.Hello(\"nuget\")"), notebook);
        Environment.SetEnvironmentVariable("NBRUN_CACHE", Path.Combine(folder, "cache"));
        Environment.SetEnvironmentVariable("NBRUN_PACKAGES", Path.Combine(folder, "packages"));
        try
        {
            var first = await NotebookRunner.RunAsync(notebook, new NotebookRunOptions { InPlace = true });
            var restoreFolders = Directory.GetDirectories(Path.Combine(folder, "cache", "nuget"));
            var second = await NotebookRunner.RunAsync(notebook, new NotebookRunOptions { InPlace = true });

            Assert.True(first.Succeeded, first.FailureReport());
            var outputs = Fixture.Written(first)["cells"]![0]!["outputs"]!.AsArray();
            Assert.Equal($"<div><div><strong>Restore sources</strong><ul><li><span>{feed}</span></li></ul></div><div></div>"
                + "<div><strong>Installed Packages</strong><ul><li><span>Nbrun.Test.Tiny, 1.0.0</span></li></ul></div></div>",
                string.Concat(outputs[0]!["data"]!["text/html"]!.AsArray().Select(l => l!.GetValue<string>())));
            Assert.Equal("hello nuget", outputs[1]!["data"]!["text/plain"]![0]!.GetValue<string>());
            Assert.True(second.Succeeded, second.FailureReport());
            Assert.Single(restoreFolders);
            Assert.Equal(restoreFolders, Directory.GetDirectories(Path.Combine(folder, "cache", "nuget")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("NBRUN_CACHE", null);
            Environment.SetEnvironmentVariable("NBRUN_PACKAGES", null);
        }
    }

    [Fact]
    public async Task RunAsync_PackageWithNativeLibrary_LoadsItFromTheRidFolder()
    {
        var folder = Directory.CreateTempSubdirectory("nbrun-native-").FullName;
        var notebook = Path.Combine(folder, "native.ipynb");
        NotebookWriter.Write(Notebook("#r \"nuget: SQLitePCLRaw.bundle_e_sqlite3, 2.0.6\"\nSQLitePCL.Batteries_V2.Init();\nSQLitePCL.raw.sqlite3_libversion().utf8_to_string()"), notebook);

        var result = await NotebookRunner.RunAsync(notebook, new NotebookRunOptions { InPlace = true });

        Assert.True(result.Succeeded, result.FailureReport());
        Assert.Equal("3.35.5", Fixture.Written(result)["cells"]![0]!["outputs"]![1]!["data"]!["text/plain"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_DotNetInteractivePackage_RefusedWithReason()
    {
        var folder = Directory.CreateTempSubdirectory("nbrun-nuget-").FullName;
        var notebook = Path.Combine(folder, "refuse.ipynb");
        NotebookWriter.Write(Notebook("#r \"nuget: Microsoft.DotNet.Interactive.Formatting, 1.0.0\""), notebook);

        var result = await NotebookRunner.RunAsync(notebook);

        Assert.Equal(CellErrorKind.Package, result.Cells[0].ErrorKind);
        Assert.Contains("Microsoft.DotNet.Interactive.Formatting cannot be added", result.Cells[0].ErrorMessage);
    }

    private static JsonObject Notebook(string source) => new()
    {
        ["cells"] = new JsonArray(new JsonObject
        {
            ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(),
            ["source"] = JsonText.Split(source),
        }),
        ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5,
    };

    private static void WritePackage(string path)
    {
        var tree = CSharpSyntaxTree.ParseText("namespace TinyPackage; public static class Greeter { public static string Hello(string n) => \"hello \" + n; }");
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        using var dll = new MemoryStream();
        Assert.True(CSharpCompilation.Create("TinyPackage", [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).Emit(dll).Success);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry("Nbrun.Test.Tiny.nuspec").Open()))
            writer.Write("<?xml version=\"1.0\"?><package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\"><metadata>"
                + "<id>Nbrun.Test.Tiny</id><version>1.0.0</version><authors>nbrun</authors><description>test package</description></metadata></package>");
        using var entry = zip.CreateEntry("lib/net10.0/TinyPackage.dll").Open();
        dll.Position = 0;
        dll.CopyTo(entry);
    }
}
