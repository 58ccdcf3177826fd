namespace NotebookMnist.Data;

/// <summary>Finds the cache folder and writes verified files into it atomically.</summary>
/// <remarks>
/// A file is written to a uniquely named temporary file in the same folder, flushed, then renamed over the
/// final name (File.Move with overwrite, an atomic rename on one file system). A reader therefore sees either
/// no file or a complete one, and two processes filling the cache at once each rename a complete copy.
/// </remarks>
internal static class DataCache
{
    /// <summary>The environment variable that overrides the data root.</summary>
    public const string EnvironmentVariable = "NOTEBOOK_MNIST_DATA";

    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFile = "NotebookMnist.sln";

    /// <summary>$NOTEBOOK_MNIST_DATA, else data/ next to NotebookMnist.sln above the current directory or the library, else a per-user folder.</summary>
    public static string FindRoot()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return Path.GetFullPath(fromEnvironment);
        foreach (string start in SearchStarts())
        {
            string? root = FindUp(start, dir => File.Exists(Path.Combine(dir, SolutionFile)));
            if (root is not null) return Path.Combine(root, "data");
        }
        string user = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(string.IsNullOrEmpty(user) ? Path.GetTempPath() : user, "NotebookMnist", "data");
    }

    /// <summary>The current directory and the library's folder: where walking up starts.</summary>
    public static IReadOnlyList<string> SearchStarts()
    {
        var starts = new List<string> { Environment.CurrentDirectory };
        string location = typeof(DataCache).Assembly.Location;
        if (!string.IsNullOrEmpty(location)) starts.Add(Path.GetDirectoryName(location)!);
        starts.Add(AppContext.BaseDirectory);
        return starts;
    }

    /// <summary>The first directory at or above <paramref name="start"/> that satisfies <paramref name="match"/>.</summary>
    public static string? FindUp(string start, Func<string, bool> match)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (match(dir.FullName)) return dir.FullName;
        return null;
    }

    /// <summary>Writes <paramref name="content"/> to folder/name through a temporary file and an atomic rename.</summary>
    public static void WriteAtomic(string folder, string name, byte[] content)
    {
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, Path.Combine(folder, name), overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
