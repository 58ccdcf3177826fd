// Drops one symbol-version requirement (for example GLIBCXX_3.4.32) from an ELF shared library's
// .gnu.version_r section and makes the symbols that asked for it unversioned.
//
// Why: TorchSharp 0.107.0's libLibTorchSharp.so asks for GLIBCXX_3.4.32 only for
// std::ios_base_library_init, which no relocation uses, while the libstdc++ of Debian 12 and Ubuntu 22.04
// stops at GLIBCXX_3.4.30; the loader then refuses the whole file. Three fields change (the owner's vn_cnt,
// one link of the aux chain, and each versym entry that named the version); the file keeps its size, and a
// second pass finds nothing to do. Only 64-bit little-endian ELF files are touched.
//
// The same file is compiled into the MSBuild task below (build/TorchSharp.targets) and into the tests,
// which define ELF_VERSION_FIX_NO_TASK to leave the task out.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NotebookMnist.Build
{
    /// <summary>Removes named version requirements from an ELF file's .gnu.version_r, in place.</summary>
    public static class ElfVersionNeedFix
    {
        const uint ShtGnuVerneed = 0x6ffffffe, ShtGnuVersym = 0x6fffffff;

        /// <summary>Patches <paramref name="path"/>; returns the versions removed (empty when the file is not
        /// a 64-bit little-endian ELF file or requires none of <paramref name="versions"/>).</summary>
        public static IReadOnlyList<string> Patch(string path, ICollection<string> versions)
        {
            var removed = new List<string>();
            long needOffset, symOffset = -1;
            byte[] need, sym = Array.Empty<byte>();
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                (needOffset, need, symOffset, sym) = Plan(file, path, versions, removed);
            }
            if (removed.Count == 0) return removed;

            // Patch a copy and rename it over the original: a hard link into the NuGet cache is never written
            // through, and an interrupted build leaves the old file whole.
            string temp = path + ".elf-fix.tmp";
            File.Copy(path, temp, overwrite: true);
            using (var copy = new FileStream(temp, FileMode.Open, FileAccess.Write))
            {
                Write(copy, needOffset, need);
                if (symOffset >= 0) Write(copy, symOffset, sym);
            }
            File.Replace(temp, path, null);
            return removed;
        }

        /// <summary>The version names the file requires (every .gnu.version_r aux entry), in file order.</summary>
        public static IReadOnlyList<string> Requirements(string path)
        {
            var names = new List<string>();
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            Plan(file, path, new HashSet<string>(), names, listOnly: true);
            return names;
        }

        static (long, byte[], long, byte[]) Plan(FileStream file, string path, ICollection<string> versions, List<string> removed, bool listOnly = false)
        {
            var none = (0L, Array.Empty<byte>(), -1L, Array.Empty<byte>());
            var ident = Read(file, 0, 64);
            if (ident.Length < 64 || ident[0] != 0x7f || ident[1] != (byte)'E' || ident[2] != (byte)'L' || ident[3] != (byte)'F'
                || ident[4] != 2 || ident[5] != 1)
                return none;
            long shoff = (long)BitConverter.ToUInt64(ident, 0x28);
            int shentsize = BitConverter.ToUInt16(ident, 0x3A), shnum = BitConverter.ToUInt16(ident, 0x3C);
            if (shoff <= 0 || shentsize < 64 || shnum == 0) return none;
            var sections = Read(file, shoff, shentsize * shnum);
            if (sections.Length < shentsize * shnum)
                throw new InvalidDataException($"{path}: section table ends past the end of the file");

            int verneed = -1, versym = -1;
            for (int i = 0; i < shnum; i++)
            {
                uint type = BitConverter.ToUInt32(sections, i * shentsize + 4);
                if (type == ShtGnuVerneed) verneed = i;
                else if (type == ShtGnuVersym) versym = i;
            }
            if (verneed < 0) return none;
            var (needOffset, needSize, strIndex, needCount) = Section(sections, verneed, shentsize);
            var (strOffset, strSize, _, _) = Section(sections, (int)strIndex, shentsize);
            var need = Read(file, needOffset, (int)needSize);
            var strings = Read(file, strOffset, (int)strSize);

            var dropped = new List<ushort>();
            int entry = 0;
            for (uint n = 0; n < needCount; n++)
            {
                int count = BitConverter.ToUInt16(need, entry + 2);
                int auxLink = entry + 8, aux = entry + (int)BitConverter.ToUInt32(need, entry + 8);
                for (int a = 0; a < count; a++)
                {
                    uint next = BitConverter.ToUInt32(need, aux + 12);
                    string name = CString(strings, BitConverter.ToUInt32(need, aux + 8));
                    if (listOnly) removed.Add(name);
                    if (versions.Contains(name) && count > 1)
                    {
                        // Unlink this aux: the link that pointed at it now points where it pointed (0 at the end).
                        uint linkValue = BitConverter.ToUInt32(need, auxLink);
                        Put(need, auxLink, next == 0 ? 0 : linkValue + next);
                        Put16(need, entry + 2, (ushort)(count - 1));
                        dropped.Add((ushort)(BitConverter.ToUInt16(need, aux + 6) & 0x7fff));
                        removed.Add(name);
                        count--;
                        a--;
                        if (next == 0) break;
                        aux += (int)next;
                        continue;
                    }
                    if (next == 0) break;
                    auxLink = aux + 12;
                    aux += (int)next;
                }
                uint nextEntry = BitConverter.ToUInt32(need, entry + 12);
                if (nextEntry == 0) break;
                entry += (int)nextEntry;
            }
            if (removed.Count == 0 || versym < 0) return (needOffset, need, -1L, Array.Empty<byte>());

            var (symOffset, symSize, _, _) = Section(sections, versym, shentsize);
            var sym = Read(file, symOffset, (int)symSize);
            for (int i = 0; i + 1 < sym.Length; i += 2)
                if (dropped.Contains((ushort)(BitConverter.ToUInt16(sym, i) & 0x7fff)))
                    Put16(sym, i, 1); // VER_NDX_GLOBAL: the symbol binds to whatever version the library has
            return (needOffset, need, symOffset, sym);
        }

        static (long Offset, long Size, uint Link, uint Info) Section(byte[] table, int index, int entsize)
        {
            int s = index * entsize;
            return ((long)BitConverter.ToUInt64(table, s + 24), (long)BitConverter.ToUInt64(table, s + 32),
                BitConverter.ToUInt32(table, s + 40), BitConverter.ToUInt32(table, s + 44));
        }

        static string CString(byte[] strings, uint at)
        {
            int end = Array.IndexOf(strings, (byte)0, (int)at);
            return Encoding.ASCII.GetString(strings, (int)at, (end < 0 ? strings.Length : end) - (int)at);
        }

        static byte[] Read(FileStream file, long offset, int count)
        {
            var buffer = new byte[count];
            file.Position = offset;
            int total = 0, got;
            while (total < count && (got = file.Read(buffer, total, count - total)) > 0) total += got;
            if (total < count) Array.Resize(ref buffer, total);
            return buffer;
        }

        static void Write(FileStream file, long offset, byte[] bytes)
        {
            file.Position = offset;
            file.Write(bytes, 0, bytes.Length);
        }

        static void Put(byte[] b, int at, uint v) => BitConverter.GetBytes(v).CopyTo(b, at);
        static void Put16(byte[] b, int at, ushort v) => BitConverter.GetBytes(v).CopyTo(b, at);
    }

#if !ELF_VERSION_FIX_NO_TASK
    /// <summary>MSBuild task: applies <see cref="ElfVersionNeedFix"/> to each file given.</summary>
    public class FixElfVersionNeeds : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required] public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();
        [Microsoft.Build.Framework.Required] public string Versions { get; set; } = "";

        public override bool Execute()
        {
            var versions = new HashSet<string>(Versions.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries));
            foreach (var item in Files)
            {
                var removed = ElfVersionNeedFix.Patch(item.ItemSpec, versions);
                if (removed.Count > 0)
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal,
                        $"{item.ItemSpec}: dropped the version requirement {string.Join(", ", removed)}");
            }
            return !Log.HasLoggedErrors;
        }
    }
#endif
}
