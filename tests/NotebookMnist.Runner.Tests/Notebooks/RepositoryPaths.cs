namespace NotebookMnist.Runner.Tests.Notebooks;

/// <summary>Finds the repository's folders from the test's output folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NotebookMnist.sln")))
                return dir.FullName;
        throw new InvalidOperationException(
            $"Expected NotebookMnist.sln in a parent folder of {AppContext.BaseDirectory}. Received: none found.");
    });

    /// <summary>The folder that holds NotebookMnist.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The notebooks folder.</summary>
    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    /// <summary>The file names of every notebooks/*.ipynb, sorted.</summary>
    public static IReadOnlyList<string> NotebookNames() =>
        Directory.GetFiles(NotebooksFolder, "*.ipynb").Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToList();
}
