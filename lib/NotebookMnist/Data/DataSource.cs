namespace NotebookMnist.Data;

/// <summary>One place the four IDX files of a dataset may come from; the loader tries them in order.</summary>
internal abstract class DataSource : IDisposable
{
    /// <summary>Words for the user, e.g. "the system copy /usr/share/datasets/fashion-mnist".</summary>
    public abstract string Description { get; }

    /// <summary>True when verified files from here are copied into the cache (slow or remote sources).</summary>
    public abstract bool WritesCache { get; }

    /// <summary>A one-line reason why this source cannot serve, found cheaply (e.g. a missing folder), or null.</summary>
    public virtual string? CheckAvailable(DatasetSpec spec) => null;

    /// <summary>The decompressed bytes of one file; throws with a one-line reason when it cannot.</summary>
    public abstract byte[] Fetch(DatasetFile file);

    /// <summary>Releases what the source holds (an HTTP client); nothing by default.</summary>
    public virtual void Dispose()
    {
    }
}
