namespace NotebookMnist.D2l;

/// <summary>STUB (d2ldata branch) so TrainCh3 compiles; the charts branch's Animator replaces this file.</summary>
public sealed class Animator
{
    /// <summary>STUB: records nothing.</summary>
    public Animator(string? xlabel = null, string? ylabel = null, string[]? legend = null,
        (double, double)? xlim = null, (double, double)? ylim = null)
    {
    }

    /// <summary>STUB: ignores the point.</summary>
    public void Add(double x, params double[] ys)
    {
    }
}
