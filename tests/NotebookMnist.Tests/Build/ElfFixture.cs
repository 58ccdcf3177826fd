using System.Text;

namespace NotebookMnist.Tests.Build;

/// <summary>A minimal 64-bit little-endian ELF file with .dynstr, .gnu.version_r and .gnu.version, written by hand:
/// one needed library (libstdc++.so.6) with three version entries, and six symbols' version indices.</summary>
internal static class ElfFixture
{
    public static readonly string[] Versions = ["GLIBCXX_3.4.30", "GLIBCXX_3.4.32", "CXXABI_1.3"];

    /// <summary>Version index of each entry (vna_other): 2, 3, 4.</summary>
    public static readonly ushort[] VersionIndex = [2, 3, 4];

    /// <summary>The symbols' version indices (.gnu.version): 0 local, 1 global, then the three versions.</summary>
    public static readonly ushort[] Symbols = [0, 1, 2, 3, 4, 3];

    public const int VerneedOffset = 0x100, VersymOffset = 0x180, DynstrOffset = 0x40, ShstrOffset = 0x1A0, ShOffset = 0x200;

    public static byte[] Build()
    {
        var file = new byte[ShOffset + 5 * 64];
        var w = new Writer(file);
        // ELF header
        file[0] = 0x7f; file[1] = (byte)'E'; file[2] = (byte)'L'; file[3] = (byte)'F';
        file[4] = 2; file[5] = 1; file[6] = 1;
        w.U16(0x10, 3); w.U16(0x12, 62); w.U32(0x14, 1);
        w.U64(0x28, ShOffset); w.U16(0x34, 64); w.U16(0x3A, 64); w.U16(0x3C, 5); w.U16(0x3E, 4);

        // .dynstr
        var dynstr = new StringTable();
        uint lib = dynstr.Add("libstdc++.so.6");
        var names = Versions.Select(dynstr.Add).ToArray();
        dynstr.Bytes.CopyTo(file, DynstrOffset);

        // .gnu.version_r: one Verneed (16 bytes) followed by three Vernaux (16 bytes each)
        w.U16(VerneedOffset, 1); w.U16(VerneedOffset + 2, 3); w.U32(VerneedOffset + 4, lib);
        w.U32(VerneedOffset + 8, 16); w.U32(VerneedOffset + 12, 0);
        for (int i = 0; i < 3; i++)
        {
            int aux = VerneedOffset + 16 + 16 * i;
            w.U32(aux, 0x1234 + (uint)i); w.U16(aux + 4, 0); w.U16(aux + 6, VersionIndex[i]);
            w.U32(aux + 8, names[i]); w.U32(aux + 12, i < 2 ? 16u : 0u);
        }

        // .gnu.version
        for (int i = 0; i < Symbols.Length; i++) w.U16(VersymOffset + 2 * i, Symbols[i]);

        // .shstrtab and the section headers
        var shstr = new StringTable();
        uint nDynstr = shstr.Add(".dynstr"), nNeed = shstr.Add(".gnu.version_r"), nSym = shstr.Add(".gnu.version"), nShstr = shstr.Add(".shstrtab");
        shstr.Bytes.CopyTo(file, ShstrOffset);
        Section(w, 1, nDynstr, 3, DynstrOffset, dynstr.Bytes.Length, 0, 0);
        Section(w, 2, nNeed, 0x6ffffffe, VerneedOffset, 64, link: 1, info: 1);
        Section(w, 3, nSym, 0x6fffffff, VersymOffset, 2 * Symbols.Length, 0, 0);
        Section(w, 4, nShstr, 3, ShstrOffset, shstr.Bytes.Length, 0, 0);
        return file;
    }

    static void Section(Writer w, int index, uint name, uint type, long offset, long size, uint link, uint info)
    {
        int s = ShOffset + 64 * index;
        w.U32(s, name); w.U32(s + 4, type); w.U64(s + 24, (ulong)offset); w.U64(s + 32, (ulong)size);
        w.U32(s + 40, link); w.U32(s + 44, info);
    }

    sealed class StringTable
    {
        readonly List<byte> _bytes = [0];
        public uint Add(string s)
        {
            uint at = (uint)_bytes.Count;
            _bytes.AddRange(Encoding.ASCII.GetBytes(s));
            _bytes.Add(0);
            return at;
        }
        public byte[] Bytes => [.. _bytes];
    }

    readonly struct Writer(byte[] b)
    {
        public void U16(int at, ushort v) => BitConverter.GetBytes(v).CopyTo(b, at);
        public void U32(int at, uint v) => BitConverter.GetBytes(v).CopyTo(b, at);
        public void U64(int at, ulong v) => BitConverter.GetBytes(v).CopyTo(b, at);
    }
}
