namespace NotebookMnist.Runner.Execution;

/// <summary>A <c>#r "nuget: Name, Version"</c> request; a null version means the latest.</summary>
public sealed record PackageRequest(string Name, string? Version)
{
    /// <summary>Whether the version is omitted, <c>*</c> or <c>*-*</c>.</summary>
    public bool IsWildcard => Version is null or "*" or "*-*";
}

/// <summary>A cell after its magic lines are taken out: the C# text (same line numbers) and what the magics asked for.</summary>
public sealed record PreparedCell(string Code, IReadOnlyList<PackageRequest> Packages, IReadOnlyList<string> Sources,
    bool Time, string? Error);
