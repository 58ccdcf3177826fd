using NotebookMnist.Build;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookMnist.Tests.Build;

/// <summary>TorchSharp starts inside this test process: the build patched the output's libLibTorchSharp.so.</summary>
public sealed class TorchStartTests
{
    [Fact]
    public void Torch_computes_and_differentiates_in_the_test_process()
    {
        var x = tensor(new[] { 1.0, 2.0, 3.0 }, requires_grad: true);
        var y = (x * x).sum();
        y.backward();
        Assert.Equal(14.0, y.item<double>());
        Assert.Equal(new[] { 2.0, 4.0, 6.0 }, x.grad!.data<double>().ToArray());
    }

    [Fact]
    public void The_outputs_native_library_no_longer_requires_GLIBCXX_3_4_32_but_the_package_cache_copy_does()
    {
        if (!OperatingSystem.IsLinux()) return;
        var output = Directory.GetFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories);
        Assert.NotEmpty(output);
        Assert.All(output, f => Assert.DoesNotContain("GLIBCXX_3.4.32", ElfVersionNeedFix.Requirements(f)));

        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var cached = Directory.Exists(cache)
            ? Directory.GetFiles(Path.Combine(cache, "torchsharp"), "libLibTorchSharp.so", SearchOption.AllDirectories)
            : [];
        if (Directory.Exists(Path.Combine(cache, "torchsharp"))) Assert.NotEmpty(cached);
        Assert.All(cached, f => Assert.Contains("GLIBCXX_3.4.32", ElfVersionNeedFix.Requirements(f)));
    }
}

public sealed class TorchRuntimeTests
{
    [Fact]
    public void Starts_here_and_diagnoses_nothing()
    {
        Assert.Null(TorchRuntime.Diagnose());
        TorchRuntime.EnsureStarted();
        TorchRuntime.EnsureStarted(); // idempotent
    }
}

public sealed class TorchRuntimeDiagnosisTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("torch-diag-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Names_the_missing_native_library_and_the_build_command()
    {
        if (!OperatingSystem.IsLinux()) return;
        string? problem = TorchRuntime.Diagnose(_dir);
        Assert.NotNull(problem);
        Assert.Contains("libLibTorchSharp.so", problem);
        Assert.Contains("dotnet build -c Release lib/NotebookMnist", problem);
    }

    [Fact]
    public void Names_an_unpatched_requirement_the_system_lacks()
    {
        if (!OperatingSystem.IsLinux() || TorchRuntime.SystemLibStdCxxHas("GLIBCXX_3.4.32")) return;
        File.WriteAllBytes(Path.Combine(_dir, "libLibTorchSharp.so"), ElfFixture.Build());
        string? problem = TorchRuntime.Diagnose(_dir);
        Assert.NotNull(problem);
        Assert.Contains("requires GLIBCXX_3.4.32", problem);
        Assert.DoesNotContain("GLIBCXX_3.4.30", problem); // the system has that one
    }
}
