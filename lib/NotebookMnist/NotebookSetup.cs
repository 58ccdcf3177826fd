using TorchSharp;

namespace NotebookMnist;

/// <summary>What the notebooks' setup cell applies before any tensor work.</summary>
public static class NotebookSetup
{
    /// <summary>The number of threads torch uses for its ops: 1, measured on the project's 2-core machine.</summary>
    /// <remarks>
    /// Measured with the Keras experiment's epoch (tests/NotebookMnist.Benchmarks, <c>--keras-epoch 2 1</c> against
    /// <c>--keras-epoch 2 2</c>, alternating, on the 2-core VM while six other sessions loaded it): 3.5–3.6 s per epoch
    /// at 1 thread, 53–107 s at 2. With 2 threads libtorch's OpenMP workers spin against each other and the .NET
    /// runtime's threads on 2 cores, and this course's small tensors gain nothing from a second thread.
    /// </remarks>
    public const int TorchThreads = 1;

    /// <summary>Sets torch's intra-op thread count to <see cref="TorchThreads"/> (idempotent).</summary>
    public static void ApplyThreads()
    {
        if (torch.get_num_threads() != TorchThreads)
            torch.set_num_threads(TorchThreads);
    }
}
