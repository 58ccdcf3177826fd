using System.Runtime.InteropServices;
using NotebookMnist.Runner.Execution;

namespace NotebookMnist.Runner.Tests;

public class NativeProbingTests
{
    [Fact]
    public void Matches_RuntimeIdentifiers_AcceptsCurrentFamilyOnly()
    {
        Assert.True(NativeProbing.Matches(RuntimeInformation.RuntimeIdentifier));
        Assert.True(NativeProbing.Matches(OperatingSystem.IsWindows() ? "win" : "unix"));
        Assert.False(NativeProbing.Matches(OperatingSystem.IsWindows() ? "linux-x64" : "win-x64"));
        Assert.False(NativeProbing.Matches("osx-arm64") && !OperatingSystem.IsMacOS());
        Assert.False(NativeProbing.Matches(null));
    }

    [Fact]
    public void Find_RegisteredNativeFolder_FindsLibPrefixedSharedObject()
    {
        var folder = Directory.CreateTempSubdirectory("nbrun-native-").FullName;
        File.WriteAllText(Path.Combine(folder, "libnbrunfake.so"), "");

        NativeProbing.AddDirectory(folder);

        Assert.Equal(Path.Combine(folder, "libnbrunfake.so"), NativeProbing.Find("nbrunfake"));
        Assert.Null(NativeProbing.Find("nbrun-not-there"));
    }
}
