using System.Runtime.CompilerServices;

namespace NotebookMnist;

internal static partial class Gemm
{
    /// <summary>Products with a shorter k than this stay on one thread (see <see cref="ForRows"/>).</summary>
    private const int ParallelMinDepth = 32;

    /// <summary>Floats per AVX-512 vector.</summary>
    private const int Lanes = 16;

    /// <summary>The pinned operands of one multiply, with element strides that hide the two transposes.</summary>
    private readonly unsafe struct Operands(
        float* a, float* b, float* c, int m, int k, int n, bool transposeA, bool transposeB, bool accumulate, int lda)
    {
        public readonly float* A = a, B = b, C = c;
        public readonly int M = m, K = k, N = n;
        public readonly bool TransposeA = transposeA, TransposeB = transposeB, Accumulate = accumulate;

        /// <summary>Step between rows of the stored A: k (or m when <see cref="TransposeA"/>) for a whole matrix,
        /// more for a block of columns of a wider one.</summary>
        public readonly int Lda = lda;

        /// <summary>A packed copy of B (layout chosen by the strategy), or null.</summary>
        public float* Packed { get; init; }

        /// <summary>Step between rows of op(A): op(A)[i, p] = A[i·ARowStride + p·AColStride].</summary>
        public nint ARowStride => TransposeA ? 1 : Lda;

        /// <summary>Step along k in op(A).</summary>
        public nint AColStride => TransposeA ? Lda : 1;

        /// <summary>Step along k in op(B): op(B)[p, j] = B[p·BRowStride + j·BColStride].</summary>
        public nint BRowStride => TransposeB ? 1 : N;

        /// <summary>Step between columns of op(B).</summary>
        public nint BColStride => TransposeB ? K : 1;
    }

    /// <summary>Runs <paramref name="body"/> over rows [0, m) of C, split over the cores when the product is big.</summary>
    /// <remarks>
    /// Chunks are whole multiples of <paramref name="rowTile"/> (the kernel's register tile), so only the last
    /// chunk has a ragged edge. Below <see cref="ParallelFlops"/> the calling thread does all rows: waking a pool
    /// thread costs microseconds, as much as a whole batch-32 product. So it does below
    /// <see cref="ParallelMinDepth"/>: with a short k the product is bound by writing C, and a second thread only
    /// adds its start-up (measured: [256×10]·[10×784] takes 44 µs on one thread, 53 µs on two).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForRows(Operands operands, int rowTile, Action<Operands, int, int> body)
    {
        int tiles = (operands.M + rowTile - 1) / rowTile;
        int workers = Math.Min(Environment.ProcessorCount, tiles);
        long flops = 2L * operands.M * operands.K * operands.N;
        if (flops < ParallelFlops || operands.K < ParallelMinDepth || workers < 2)
        {
            body(operands, 0, operands.M);
            return;
        }
        InParallel(operands, rowTile, tiles, workers, body);
    }

    /// <summary>Splits the row tiles into a few contiguous chunks per worker and runs them on the <see cref="WorkerTeam"/>
    /// (kept apart from <see cref="ForRows"/> so that the single-threaded path stays small).</summary>
    /// <remarks>Four chunks per worker rather than one: when another process holds a core, the free worker takes
    /// over the remaining chunks instead of the whole product waiting for the descheduled one.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InParallel(Operands operands, int rowTile, int tiles, int workers, Action<Operands, int, int> body)
    {
        var work = rowChunks ??= new RowChunks();
        work.Set(operands, rowTile, tiles, Math.Min(tiles, 4 * workers), body);
        try
        {
            if (!WorkerTeam.Shared.TryRun(work, work.Chunks))
                body(operands, 0, operands.M);
        }
        finally { work.Clear(); }
    }

    /// <summary>This thread's reusable description of a split product, so a parallel product does not allocate.</summary>
    [ThreadStatic]
    private static RowChunks? rowChunks;

    /// <summary>Chunk c of a product: rows of C from tile ⌊tiles·c/chunks⌋ to tile ⌊tiles·(c+1)/chunks⌋.</summary>
    private sealed class RowChunks : IChunkWork
    {
        private Operands _operands;
        private int _rowTile, _tiles;
        private Action<Operands, int, int>? _body;

        public int Chunks { get; private set; }

        public void Set(Operands operands, int rowTile, int tiles, int chunks, Action<Operands, int, int> body) =>
            (_operands, _rowTile, _tiles, Chunks, _body) = (operands, rowTile, tiles, chunks, body);

        public void Clear() => _body = null;

        public void Run(int chunk)
        {
            int first = (int)((long)_tiles * chunk / Chunks) * _rowTile;
            int last = (int)Math.Min((long)_tiles * (chunk + 1) / Chunks * _rowTile, _operands.M);
            _body!(_operands, first, last);
        }
    }
}
