namespace NotebookMnist;

/// <summary>Work split into numbered chunks that any thread may run, in any order (see <see cref="WorkerTeam"/>).</summary>
internal interface IChunkWork
{
    /// <summary>Runs chunk <paramref name="chunk"/>; chunks must not depend on each other.</summary>
    void Run(int chunk);
}

/// <summary>The calling thread plus one helper thread per other core, for fork–join work that lasts microseconds.</summary>
/// <remarks>
/// <para>
/// A training step posts several products of a few microseconds each (a batch-32 forward pass takes ~6 µs). Waking a
/// thread-pool thread costs about as much, so <c>Parallel.For</c> only pays off for big products. Here the helpers
/// stay awake: after a job a helper spins for <see cref="SpinBudget"/> waiting for the next one (a step's jobs come
/// microseconds apart), and only then blocks, so an idle program does not hold a core.
/// </para>
/// <para>
/// Chunks are claimed one at a time, the caller included, so a helper that is slow to start (asleep, or its core taken
/// by another process) costs at most the chunk it holds: the caller takes the rest. Which thread runs a chunk never
/// changes what the chunk computes, so results do not depend on the split.
/// </para>
/// <para>
/// One job runs at a time. A caller that finds the team busy (another thread's job, or a call from inside a chunk)
/// gets false from <see cref="TryRun"/> and does the work itself.
/// </para>
/// </remarks>
internal sealed class WorkerTeam
{
    /// <summary>How long an idle helper keeps spinning for the next job before it blocks.</summary>
    internal static readonly TimeSpan SpinBudget = TimeSpan.FromMilliseconds(0.2);

    private static readonly Lazy<WorkerTeam> LazyShared = new(() => new WorkerTeam(Environment.ProcessorCount - 1));

    /// <summary>The process-wide team: one helper per core beyond the first (none on a 1-core machine).</summary>
    public static WorkerTeam Shared => LazyShared.Value;

    /// <summary>Pauses (~35 ns each) the caller spends waiting for a helper's chunk before it starts yielding its core.</summary>
    /// <remarks>A plain pause loop rather than <see cref="SpinWait"/>, whose back-off grows to microseconds per
    /// round after a few rounds: longer than a Keras step's wait for the other core's half (see Keras/SplitInputEpoch.cs).</remarks>
    private const int JoinSpins = 2000;

    private readonly object _sleep = new();
    private int _owned;                  // 1 while a caller's job is in flight
    private long _claims;                // generation << 32 | next chunk to claim
    private int _done;                   // chunks of the current job finished
    private int _chunks;                 // chunks in the current job
    private IChunkWork? _work;
    private Exception? _failure;
    private int _sleepers;

    /// <summary>Creates a team with <paramref name="helpers"/> helper threads (started now, as background threads).</summary>
    public WorkerTeam(int helpers)
    {
        Helpers = Math.Max(0, helpers);
        for (int i = 0; i < Helpers; i++)
            new Thread(HelperLoop) { IsBackground = true, Name = $"NotebookMnist worker {i + 1}" }.Start();
    }

    /// <summary>Helper threads (cores beyond the caller's).</summary>
    public int Helpers { get; }

    /// <summary>Runs chunks [0, <paramref name="chunks"/>) of <paramref name="work"/> on the caller and the helpers and
    /// returns when all are done; returns false at once, having run nothing, if the team is busy or has no helpers.</summary>
    /// <remarks>A chunk's exception is rethrown here once every chunk has run.</remarks>
    public bool TryRun(IChunkWork work, int chunks)
    {
        if (Helpers == 0 || chunks < 2 || Interlocked.CompareExchange(ref _owned, 1, 0) != 0)
            return false;
        try
        {
            _work = work;
            _chunks = chunks;
            _failure = null;
            Volatile.Write(ref _done, 0);
            long generation = (Volatile.Read(ref _claims) >> 32) + 1;
            Interlocked.Exchange(ref _claims, generation << 32);           // publishes the job (full fence)
            if (Volatile.Read(ref _sleepers) > 0)
                lock (_sleep) Monitor.PulseAll(_sleep);
            RunChunks(generation);
            for (int spins = 0; Volatile.Read(ref _done) < chunks; spins++)   // a helper is finishing its chunk
            {
                if (spins < JoinSpins) Thread.SpinWait(1);
                else Thread.Yield();
            }
            if (_failure is { } failure)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            return true;
        }
        finally
        {
            _work = null;
            Volatile.Write(ref _owned, 0);
        }
    }

    /// <summary>Claims and runs chunks of the job of <paramref name="generation"/> until none is left.</summary>
    private void RunChunks(long generation)
    {
        while (true)
        {
            long claims = Volatile.Read(ref _claims);
            if (claims >> 32 != generation) return;                          // a later job: not ours to claim
            int chunk = (int)claims;
            var work = _work;
            int chunks = _chunks;
            if (chunk >= chunks || work is null) return;
            if (Interlocked.CompareExchange(ref _claims, claims + 1, claims) != claims) continue;
            try { work.Run(chunk); }
            catch (Exception e) { Interlocked.CompareExchange(ref _failure, e, null); }
            Interlocked.Increment(ref _done);
        }
    }

    private void HelperLoop()
    {
        long seen = 0;
        while (true)
        {
            long generation = WaitForJob(seen);
            seen = generation;
            RunChunks(generation);
        }
    }

    /// <summary>Spins until a job newer than <paramref name="seen"/> is posted, then blocks; returns its generation.</summary>
    private long WaitForJob(long seen)
    {
        long budget = (long)(SpinBudget.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            for (int i = 0; i < 16; i++)
            {
                long generation = Volatile.Read(ref _claims) >> 32;
                if (generation != seen) return generation;
                Thread.SpinWait(8);
            }
            Thread.Yield();                                                    // lets a ready thread (the JIT's) have this core
            if (System.Diagnostics.Stopwatch.GetTimestamp() - start < budget) continue;
            lock (_sleep)
            {
                Interlocked.Increment(ref _sleepers);                          // pairs with TryRun's Exchange
                try
                {
                    while (Volatile.Read(ref _claims) >> 32 == seen)
                        Monitor.Wait(_sleep, 100);
                }
                finally { Interlocked.Decrement(ref _sleepers); }
            }
            start = System.Diagnostics.Stopwatch.GetTimestamp();
        }
    }
}
