using System.Reflection;
using NotebookMnist.Runner.Cli;
using NotebookMnist.Runner.Execution;

namespace NotebookMnist.Runner.Tests;

/// <summary>The pieces behind <c>--jobs</c> and the kernel host's ReadyToRun copy.</summary>
public class JobsTests
{
    [Fact]
    public void LastDurations_JUnitReport_SecondsPerNotebookName()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("nbrun-test-").FullName, "junit.xml");
        File.WriteAllText(path, """
            <?xml version="1.0" encoding="utf-8"?>
            <testsuites time="20.25">
              <testsuite name="01-softmax.ipynb" tests="3" time="7.25"><testcase name="cell 1" time="0.5" /></testsuite>
              <testsuite name="05-keras.ipynb" tests="2" time="13" />
              <testsuite name="no-time.ipynb" tests="1" />
            </testsuites>
            """);

        var seconds = RunCommand.LastDurations(path);

        Assert.Equal(2, seconds.Count);
        Assert.Equal(7.25, seconds["01-softmax.ipynb"]);
        Assert.Equal(13.0, seconds["05-keras.ipynb"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("<testsuites><testsuite name=")]
    public void LastDurations_MissingOrBrokenReport_Empty(string? text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("nbrun-test-").FullName, "junit.xml");
        if (text is not null) File.WriteAllText(path, text);

        Assert.Empty(RunCommand.LastDurations(path));
    }

    [Fact]
    public void IsSameBuild_ThisBuildsRunner_TrueOnlyForItsOwnModuleVersionId()
    {
        var runner = typeof(RunCommand).Assembly;
        var mvid = runner.ManifestModule.ModuleVersionId;

        Assert.True(KernelProcess.IsSameBuild(runner.Location, mvid));
        Assert.False(KernelProcess.IsSameBuild(runner.Location, Guid.NewGuid()));
        Assert.False(KernelProcess.IsSameBuild(typeof(JobsTests).Assembly.Location, mvid));
    }

    [Fact]
    public void IsSameBuild_MissingOrNotAnAssembly_False()
    {
        var folder = Directory.CreateTempSubdirectory("nbrun-test-").FullName;
        var text = Path.Combine(folder, "nbrun.dll");
        File.WriteAllText(text, "not a PE file");
        var mvid = typeof(RunCommand).Assembly.ManifestModule.ModuleVersionId;

        Assert.False(KernelProcess.IsSameBuild(Path.Combine(folder, "missing.dll"), mvid));
        Assert.False(KernelProcess.IsSameBuild(text, mvid));
    }

    [Fact]
    public void KernelHostCopy_AfterABuild_IsTheSameBuildAsTheRunner()
    {
        var runner = typeof(RunCommand).Assembly;
        var copy = Path.Combine(Path.GetDirectoryName(runner.Location)!, "kernel-host", Path.GetFileName(runner.Location));
        var optedOut = typeof(JobsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Any(a => a.Key == "NbrunReadyToRun" && string.Equals(a.Value, "false", StringComparison.OrdinalIgnoreCase));
        if (optedOut)
        {
            // Built with -p:NbrunReadyToRun=false: no copy of this build may be there to be started.
            Assert.False(KernelProcess.IsSameBuild(copy, runner.ManifestModule.ModuleVersionId),
                $"Expected no ReadyToRun copy of this build with -p:NbrunReadyToRun=false. Received: one at {copy}.");
            return;
        }

        Assert.True(KernelProcess.IsSameBuild(copy, runner.ManifestModule.ModuleVersionId),
            $"Expected build/KernelHost.targets to publish a ReadyToRun copy of this build's runner. Received: {(File.Exists(copy) ? "a copy of another build" : "no file")} at {copy} (a build that skipped build/KernelHost.targets?).");
    }
}
