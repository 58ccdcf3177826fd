using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.IO.Hashing;
using NotebookMnist.Data;

namespace NotebookMnist.Tests.Data;

/// <summary>Issue 16's data faults: a bad gzip CRC, a gzip bomb, a FIFO as a dataset file, stale temporaries of a killed writer.</summary>
/// <remarks>Every wait is bounded: a FIFO test gives up after 10 s and unblocks the reader; child processes are waited on with a limit.</remarks>
public class FaultsDataTests
{
    private const string LabelsName = "train-labels-idx1-ubyte";

    [Fact]
    public void Decompress_BadCrcInTrailer_SaysCrcMismatchNamingFileAndBothValues()
    {
        byte[] content = IdxFixtures.DatasetFiles[LabelsName];
        byte[] gzip = IdxFixtures.Gzip(content);
        uint trueCrc = Crc32.HashToUInt32(content);          // independent: System.IO.Hashing over the plain bytes
        BinaryPrimitives.WriteUInt32LittleEndian(gzip.AsSpan(gzip.Length - 8), trueCrc ^ 0xFF);

        var e = Assert.Throws<InvalidDataException>(() => Gzip.Decompress(gzip, LabelsName + ".gz"));

        Assert.StartsWith($"{LabelsName}.gz: CRC mismatch: expected CRC-32 {trueCrc ^ 0xFF:x8}", e.Message);
        Assert.Contains($"gives {trueCrc:x8}", e.Message);
        Assert.DoesNotContain("unsupported compression method", e.Message);
    }

    [Fact]
    public void Load_DirectoryWithBadCrcFile_ListsItWithCrcMismatchAndFallsBackToNextSource()
    {
        using var temp = new TempFolder();
        IdxFixtures.WriteDataset(temp.Combine("mine"), gzip: true);
        IdxFixtures.WriteDataset(temp.Combine("system"), gzip: true);
        string bad = temp.Combine("mine", LabelsName + ".gz");
        byte[] gzip = File.ReadAllBytes(bad);
        gzip[^8] ^= 0x01;                                     // one bit of the stored CRC-32
        File.WriteAllBytes(bad, gzip);
        var log = new List<string>();

        var splits = DatasetLoader.Load(IdxFixtures.Spec(), SourceOptions.For(temp, log, directory: temp.Combine("mine"), system: temp.Combine("system")));

        Assert.StartsWith("the system copy ", splits.Source);
        Assert.Contains(log, line => line.StartsWith($"Tiny: skipping the directory {temp.Combine("mine")}: {LabelsName}.gz: CRC mismatch"));
    }

    [Fact]
    public void Decompress_ReservedDeflateBlockType_SaysDeflateDataIsCorrupt()
    {
        byte[] gzip = IdxFixtures.Gzip(IdxFixtures.DatasetFiles[LabelsName]);
        gzip[10] |= 0b110;                                    // first block header: BTYPE = 11, reserved (RFC 1951 §3.2.3)

        var e = Assert.Throws<InvalidDataException>(() => Gzip.Decompress(gzip, "labels.gz"));

        Assert.Equal("labels.gz: expected valid deflate data but it is corrupt after 0 decompressed bytes.", e.Message);
    }

    [Fact]
    public void Decompress_GzipBombOf3GB_StopsAtTheSizeLimitNamingFile()
    {
        byte[] bomb = Bomb(members: 3072);                    // 3072 members × 1 MiB of zeros = 3 GiB, about 3 MB compressed
        var watch = Stopwatch.StartNew();

        var e = Assert.Throws<InvalidDataException>(() => Gzip.Decompress(bomb, "train-labels-idx1-ubyte.gz", maxLength: 60008));

        Assert.Equal(
            "train-labels-idx1-ubyte.gz: expected at most 60008 bytes after decompression (the size limit) but the gzip data " +
            "expands beyond that (a gzip bomb or the wrong file).", e.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Load_GzipBombAsLabelsFile_ErrorNamesFileAndLimitNotIndexOutOfRange()
    {
        using var temp = new TempFolder();
        IdxFixtures.WriteDataset(temp.Combine("mine"), gzip: true);
        File.WriteAllBytes(temp.Combine("mine", LabelsName + ".gz"), Bomb(members: 3072));
        var log = new List<string>();

        var e = Assert.Throws<FileNotFoundException>(() =>
            DatasetLoader.Load(IdxFixtures.Spec(), SourceOptions.For(temp, log, directory: temp.Combine("mine"))));

        int expected = IdxFixtures.DatasetFiles[LabelsName].Length;
        Assert.Contains($"{LabelsName}.gz: expected at most {expected} bytes after decompression (the size limit)", e.Message);
    }

    [Fact]
    public void ReadLabels_BombBeyondArrayMaxLength_StopsAtDefaultLimit_NotIndexOutOfRange()
    {
        // Before: the buffer grew to Array.MaxLength and the next byte threw IndexOutOfRangeException.
        using var temp = new TempFolder();
        string path = temp.Write("labels.gz", Bomb(members: 300));    // 300 MiB > the 256 MiB default limit

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));

        Assert.StartsWith($"labels.gz: expected at most {Gzip.DefaultMaxLength} bytes after decompression (the size limit)", e.Message);
    }

    [Fact]
    public void Load_FifoAsDatasetFile_IsRefusedAtOnceNamingTheFile()
    {
        using var temp = new TempFolder();
        IdxFixtures.WriteDataset(temp.Combine("mine"));
        string fifo = temp.Combine("mine", LabelsName);
        File.Delete(fifo);
        MakeFifo(fifo);
        var log = new List<string>();

        var load = Task.Run(() => DatasetLoader.Load(IdxFixtures.Spec(), SourceOptions.For(temp, log, directory: temp.Combine("mine"))));
        bool finished = WaitOrUnblock(load, fifo);

        Assert.True(finished, "the loader blocked on the FIFO");
        var e = Assert.IsType<FileNotFoundException>(load.Exception!.InnerException);
        Assert.Contains($"{LabelsName}: expected a regular file with IDX data but {fifo} is empty or not a regular file", e.Message);
    }

    [Fact]
    public void ReadImages_Fifo_IsRefusedAtOnce()
    {
        using var temp = new TempFolder();
        string fifo = temp.Combine("images");
        MakeFifo(fifo);

        var read = Task.Run(() => IdxReader.ReadImages(fifo));
        bool finished = WaitOrUnblock(read, fifo);

        Assert.True(finished, "ReadImages blocked on the FIFO");
        Assert.IsType<InvalidDataException>(read.Exception!.InnerException);
    }

    [Fact]
    public void Load_TemporaryFileOfAKilledWriter_IsRemovedOnTheNextLoad()
    {
        using var temp = new TempFolder();
        IdxFixtures.WriteDataset(temp.Combine("system"), gzip: true);
        string cache = temp.Combine("cache", "tiny");
        Directory.CreateDirectory(cache);
        // A real writer killed with SIGKILL in the middle of its write, leaving its temporary behind.
        string guid = Guid.NewGuid().ToString("N");
        RunBash($"cd '{cache}' && printf partial > \".{LabelsName}.$$-{guid}.tmp\" && kill -9 $$", expectKilled: true);
        string live = Path.Combine(cache, DataCache.TemporaryName(LabelsName));       // ours: a writer that is still running
        File.WriteAllText(live, "in progress");
        string oldLegacy = Path.Combine(cache, $".{LabelsName}.{Guid.NewGuid():N}.tmp"); // the old name format, 2 h old
        File.WriteAllText(oldLegacy, "old");
        File.SetLastWriteTimeUtc(oldLegacy, DateTime.UtcNow.AddHours(-2));
        var log = new List<string>();

        DatasetLoader.Load(IdxFixtures.Spec(), SourceOptions.For(temp, log, system: temp.Combine("system")));

        Assert.Equal($"Tiny: removed 2 temporary file(s) left by an interrupted cache write in {cache}", log[0]);
        string[] left = Directory.GetFiles(cache).Select(path => Path.GetFileName(path)).Order().ToArray();
        Assert.Equal([Path.GetFileName(live), "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", "train-images-idx3-ubyte", LabelsName], left);
    }

    [Fact]
    public void CleanStale_WorkFolderOfAKilledApt_IsRemoved()
    {
        using var temp = new TempFolder();
        string dead = temp.Combine($".apt-{DeadProcessId()}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dead);
        File.WriteAllText(Path.Combine(dead, "dataset-fashion-mnist_1_all.deb"), "partial");
        string mine = temp.Combine(DataCache.WorkFolderName("apt"));
        Directory.CreateDirectory(mine);

        int removed = DataCache.CleanStale(temp.Path);

        Assert.Equal(1, removed);
        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(mine));
    }

    [Fact]
    public void WriteAtomic_TemporaryCarriesTheWritersProcessId()
    {
        string name = DataCache.TemporaryName("file");
        Assert.Matches($@"^\.file\.{Environment.ProcessId}-[0-9a-f]{{32}}\.tmp$", name);
    }

    /// <summary>Concatenated gzip members of 1 MiB of zeros each (GZipStream reads them as one stream).</summary>
    private static byte[] Bomb(int members)
    {
        byte[] member = IdxFixtures.Gzip(new byte[1 << 20]);
        var bomb = new byte[member.Length * members];
        for (int i = 0; i < members; i++) member.CopyTo(bomb, i * member.Length);
        return bomb;
    }

    private static void MakeFifo(string path) => RunBash($"mkfifo '{path}'", expectKilled: false);

    /// <summary>Waits up to 10 s; if the task is still blocked on the FIFO, opens it for writing so the reader returns.</summary>
    private static bool WaitOrUnblock(Task task, string fifo)
    {
        var settled = task.ContinueWith(_ => { }, TaskScheduler.Default);   // completes whether the task throws or not
        if (settled.Wait(TimeSpan.FromSeconds(10))) return true;
        using (new FileStream(fifo, FileMode.Open, FileAccess.Write)) { }
        settled.Wait(TimeSpan.FromSeconds(10));
        return false;
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(10)));
        return process.Id;
    }

    private static void RunBash(string script, bool expectKilled)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(10)), $"bash did not finish: {script}");
        Assert.True(expectKilled ? process.ExitCode == 137 : process.ExitCode == 0, $"bash exited {process.ExitCode}: {error}");
    }
}
