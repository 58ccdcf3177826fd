using NotebookMnist;

namespace NotebookMnist.Tests.Numerics;

public class WorkerTeamTests
{
    /// <summary>Counts how often each chunk ran and on which threads; each chunk can be made to wait or throw.</summary>
    private sealed class Recorder(int chunks, int spinMicroseconds = 0, int throwOn = -1) : IChunkWork
    {
        public readonly int[] Runs = new int[chunks];
        public readonly HashSet<int> Threads = new();

        public void Run(int chunk)
        {
            Interlocked.Increment(ref Runs[chunk]);
            lock (Threads) Threads.Add(Environment.CurrentManagedThreadId);
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            while (System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMicroseconds < spinMicroseconds) { }
            if (chunk == throwOn) throw new InvalidOperationException($"chunk {chunk} failed");
        }
    }

    [Fact]
    public void TryRun_RunsEveryChunkExactlyOnce()
    {
        var team = new WorkerTeam(helpers: 1);
        for (int round = 0; round < 2000; round++)
        {
            int chunks = 2 + round % 17;
            var work = new Recorder(chunks);
            Assert.True(team.TryRun(work, chunks));
            Assert.All(work.Runs, runs => Assert.Equal(1, runs));
        }
    }

    [Fact]
    public void TryRun_HelperTakesPartOfTheWork()
    {
        var team = new WorkerTeam(helpers: 1);
        var work = new Recorder(64, spinMicroseconds: 50);
        Assert.True(team.TryRun(work, 64));
        Assert.Equal(2, work.Threads.Count);                     // the caller and the helper both ran chunks
    }

    [Fact]
    public void TryRun_ChunkThrows_RethrowsTheSameExceptionAfterTheOtherChunksRan()
    {
        var team = new WorkerTeam(helpers: 1);
        var work = new Recorder(8, throwOn: 5);
        var error = Assert.Throws<InvalidOperationException>(() => team.TryRun(work, 8));
        Assert.Equal("chunk 5 failed", error.Message);
        Assert.All(work.Runs, runs => Assert.Equal(1, runs));
        Assert.True(team.TryRun(new Recorder(4), 4));            // the team is free again
    }

    [Fact]
    public void TryRun_FromInsideAChunk_ReturnsFalseSoTheCallerWorksAlone()
    {
        var team = new WorkerTeam(helpers: 1);
        var nested = new List<bool>();
        var outer = new Nested(() => { lock (nested) nested.Add(team.TryRun(new Recorder(2), 2)); });
        Assert.True(team.TryRun(outer, 2));
        Assert.Equal([false, false], nested);
    }

    private sealed class Nested(Action action) : IChunkWork
    {
        public void Run(int chunk) => action();
    }

    [Fact]
    public void TryRun_NoHelpersOrOneChunk_ReturnsFalseAndRunsNothing()
    {
        var work = new Recorder(3);
        Assert.False(new WorkerTeam(helpers: 0).TryRun(work, 3));
        Assert.False(new WorkerTeam(helpers: 1).TryRun(work, 1));
        Assert.All(work.Runs, runs => Assert.Equal(0, runs));
    }

    [Fact]
    public void TryRun_ManyCallersAtOnce_EveryJobCompletesOnceWhetherSplitOrRunByItsCaller()
    {
        var team = new WorkerTeam(helpers: 1);
        Parallel.For(0, 4, _ =>
        {
            for (int round = 0; round < 500; round++)
            {
                var work = new Recorder(5);
                if (!team.TryRun(work, 5))
                    for (int c = 0; c < 5; c++) work.Run(c);
                Assert.All(work.Runs, runs => Assert.Equal(1, runs));
            }
        });
    }

    [Fact]
    public void TryRun_AfterTheHelperFellAsleep_StillRunsAndWakesIt()
    {
        var team = new WorkerTeam(helpers: 1);
        Assert.True(team.TryRun(new Recorder(2), 2));
        Thread.Sleep(50);                                         // far beyond the spin budget: the helper blocks
        var work = new Recorder(64, spinMicroseconds: 100);
        Assert.True(team.TryRun(work, 64));
        Assert.All(work.Runs, runs => Assert.Equal(1, runs));
        Assert.Equal(2, work.Threads.Count);
    }
}
