using NotebookMnist.Data;

namespace NotebookMnist.Tests.Data;

public class DataCacheTests
{
    [Fact]
    public void WriteAtomic_EightConcurrentWriters_LeaveOneCompleteFileAndNoTemporaries()
    {
        using var temp = new TempFolder();
        const int length = 1 << 20;
        Parallel.For(0, 8, w => DataCache.WriteAtomic(temp.Path, "file", Enumerable.Repeat((byte)(w + 1), length).ToArray()));

        byte[] result = File.ReadAllBytes(temp.Combine("file"));
        Assert.Equal(length, result.Length);
        Assert.InRange(result[0], 1, 8);
        Assert.All(result, b => Assert.Equal(result[0], b));
        Assert.Equal(["file"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteAtomic_RenameFails_DeletesTemporaryFile()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("taken"));  // a folder where the file should go: the rename fails

        Assert.ThrowsAny<IOException>(() => DataCache.WriteAtomic(temp.Path, "taken", [1, 2, 3]));

        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void FindUp_MarkerTwoLevelsAbove_ReturnsThatFolder()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine(DataCache.SolutionFile), "");
        Directory.CreateDirectory(temp.Combine("a", "b"));

        string? found = DataCache.FindUp(temp.Combine("a", "b"), dir => File.Exists(Path.Combine(dir, DataCache.SolutionFile)));

        Assert.Equal(temp.Path, found);
    }

    [Fact]
    public void FindRoot_InsideThisRepository_IsItsDataFolder()
    {
        if (Environment.GetEnvironmentVariable(DataCache.EnvironmentVariable) is { Length: > 0 }) return;
        string root = DataCache.FindRoot();
        Assert.Equal("data", Path.GetFileName(root));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(root)!, DataCache.SolutionFile)));
    }
}
