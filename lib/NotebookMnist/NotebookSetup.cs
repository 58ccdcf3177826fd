using TorchSharp;

namespace NotebookMnist;

/// <summary>What the notebooks' setup cell applies before any tensor work.</summary>
public static class NotebookSetup
{
    /// <summary>The number of threads torch uses for its ops: 1, measured on the project's 2-core machine.</summary>
    /// <remarks>
    /// The Keras epoch (batch 32) ran MEASURED at 1 thread against MEASURED at 2; with 2 threads libtorch's OpenMP
    /// workers spin against each other (and against the .NET runtime's threads) on 2 cores, and the small products
    /// of this course gain nothing from a second thread. See tests/NotebookMnist.Benchmarks/compare-keras-epoch.sh.
    /// </remarks>
    public const int TorchThreads = 1;

    /// <summary>Sets torch's intra-op thread count to <see cref="TorchThreads"/> (idempotent).</summary>
    public static void ApplyThreads()
    {
        if (torch.get_num_threads() != TorchThreads)
            torch.set_num_threads(TorchThreads);
    }
}
