using NotebookMnist.Build;

namespace NotebookMnist.Tests.Build;

public sealed class ElfVersionNeedFixTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("elf-fix-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    string Write(byte[] bytes, string name = "libfixture.so")
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    static ushort U16(byte[] b, int at) => BitConverter.ToUInt16(b, at);
    static uint U32(byte[] b, int at) => BitConverter.ToUInt32(b, at);

    [Fact]
    public void Fixture_lists_its_three_requirements()
    {
        string path = Write(ElfFixture.Build());
        Assert.Equal(ElfFixture.Versions, ElfVersionNeedFix.Requirements(path));
    }

    [Fact]
    public void Drops_the_middle_entry_and_unversions_its_symbols_and_nothing_else()
    {
        var before = ElfFixture.Build();
        string path = Write(before);

        var removed = ElfVersionNeedFix.Patch(path, ["GLIBCXX_3.4.32"]);

        Assert.Equal(["GLIBCXX_3.4.32"], removed);
        var after = File.ReadAllBytes(path);
        Assert.Equal(before.Length, after.Length);
        Assert.Equal(["GLIBCXX_3.4.30", "CXXABI_1.3"], ElfVersionNeedFix.Requirements(path));

        int need = ElfFixture.VerneedOffset, firstAux = need + 16;
        Assert.Equal(2, U16(after, need + 2));                       // vn_cnt 3 → 2
        Assert.Equal(32u, U32(after, firstAux + 12));                 // the first aux now skips the removed one
        ushort[] symbols = Enumerable.Range(0, ElfFixture.Symbols.Length).Select(i => U16(after, ElfFixture.VersymOffset + 2 * i)).ToArray();
        Assert.Equal(new ushort[] { 0, 1, 2, 1, 4, 1 }, symbols);     // index 3 (GLIBCXX_3.4.32) → 1 (global)

        // Exactly those fields changed: vn_cnt, one vna_next, and the two versym entries.
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
        int[] allowed = [need + 2, firstAux + 12, ElfFixture.VersymOffset + 6, ElfFixture.VersymOffset + 10];
        Assert.All(changed, i => Assert.Contains(allowed, a => i >= a && i < a + 4));
        Assert.NotEmpty(changed);
    }

    [Fact]
    public void A_second_pass_changes_nothing()
    {
        string path = Write(ElfFixture.Build());
        ElfVersionNeedFix.Patch(path, ["GLIBCXX_3.4.32"]);
        var once = File.ReadAllBytes(path);

        Assert.Empty(ElfVersionNeedFix.Patch(path, ["GLIBCXX_3.4.32"]));
        Assert.Equal(once, File.ReadAllBytes(path));
    }

    [Fact]
    public void Drops_the_first_entry_through_vn_aux()
    {
        string path = Write(ElfFixture.Build());
        ElfVersionNeedFix.Patch(path, ["GLIBCXX_3.4.30"]);
        var after = File.ReadAllBytes(path);
        Assert.Equal(32u, U32(after, ElfFixture.VerneedOffset + 8));
        Assert.Equal(["GLIBCXX_3.4.32", "CXXABI_1.3"], ElfVersionNeedFix.Requirements(path));
    }

    [Fact]
    public void Drops_the_last_entry_by_ending_the_chain_early()
    {
        string path = Write(ElfFixture.Build());
        ElfVersionNeedFix.Patch(path, ["CXXABI_1.3"]);
        var after = File.ReadAllBytes(path);
        Assert.Equal(0u, U32(after, ElfFixture.VerneedOffset + 16 + 16 + 12));
        Assert.Equal(["GLIBCXX_3.4.30", "GLIBCXX_3.4.32"], ElfVersionNeedFix.Requirements(path));
    }

    [Fact]
    public void Leaves_files_without_the_entry_and_non_ELF_files_untouched()
    {
        var elf = ElfFixture.Build();
        string other = Write(elf, "libother.so");
        string text = Write("not an ELF file at all, just some text"u8.ToArray(), "libtext.so");
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(other, stamp);

        Assert.Empty(ElfVersionNeedFix.Patch(other, ["GLIBCXX_9.9.9"]));
        Assert.Empty(ElfVersionNeedFix.Patch(text, ["GLIBCXX_3.4.32"]));
        Assert.Equal(elf, File.ReadAllBytes(other));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(other));
    }

    [Fact]
    public void Never_writes_through_a_hard_link()
    {
        var elf = ElfFixture.Build();
        string original = Write(elf, "cache.so"), link = Path.Combine(_dir, "output.so");
        if (!HardLink(original, link)) return; // the file system has no hard links: nothing to protect
        ElfVersionNeedFix.Patch(link, ["GLIBCXX_3.4.32"]);
        Assert.Equal(elf, File.ReadAllBytes(original));
        Assert.DoesNotContain("GLIBCXX_3.4.32", ElfVersionNeedFix.Requirements(link));
    }

    static bool HardLink(string target, string link)
    {
        var ln = System.Diagnostics.Process.Start("ln", [target, link]);
        ln.WaitForExit();
        return ln.ExitCode == 0;
    }
}
