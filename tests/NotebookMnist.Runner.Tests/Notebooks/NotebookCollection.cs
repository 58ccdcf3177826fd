namespace NotebookMnist.Runner.Tests.Notebooks;

/// <summary>Serialises the heavy tests that run notebooks or the post-create script (2 cores: one at a time).</summary>
[CollectionDefinition(Name)]
public sealed class NotebookCollection
{
    public const string Name = "Notebooks in full";
}
