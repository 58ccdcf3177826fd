using System.Runtime.InteropServices;
using NotebookMnist.Build;
using TorchSharp;

namespace NotebookMnist;

/// <summary>Starts libtorch, or says what to do when it cannot start.</summary>
/// <remarks>
/// When TorchSharp cannot load its native library it reports "This application or script uses TorchSharp but
/// doesn't contain a reference to libtorch-cpu-linux-x64", whatever the cause, and copies about 480 MB of native
/// files into a <c>cpu/</c> folder. On Debian 12 and Ubuntu 22.04 the usual cause is libLibTorchSharp.so's
/// GLIBCXX_3.4.32 requirement (build/TorchSharp.targets removes it from build outputs). <see cref="EnsureStarted"/>
/// checks that case first, before TorchSharp tries, and names the file and the fix.
/// </remarks>
public static class TorchRuntime
{
    static readonly object Gate = new();
    static bool _started;

    /// <summary>Loads libtorch once; throws <see cref="InvalidOperationException"/> naming the cause and the fix.</summary>
    public static void EnsureStarted()
    {
        lock (Gate)
        {
            if (_started) return;
            if (Diagnose() is { } problem) throw new InvalidOperationException(problem);
            try
            {
                torch.InitializeDeviceType(DeviceType.CPU);
            }
            catch (Exception e) when (e is NotSupportedException or DllNotFoundException or TypeInitializationException)
            {
                throw new InvalidOperationException(
                    $"libtorch did not start: {e.GetBaseException().Message} Expected TorchSharp's native libraries next to " +
                    $"{TorchSharpDirectory()}/TorchSharp.dll (build lib/NotebookMnist with `dotnet build -c Release lib/NotebookMnist`, " +
                    "which places and patches them); on Linux, `ldd libLibTorchSharp.so` in that folder shows what is missing.", e);
            }
            _started = true;
        }
    }

    /// <summary>The reason libtorch cannot start on this machine, or null when nothing is known to be wrong.</summary>
    public static string? Diagnose() => Diagnose(TorchSharpDirectory());

    /// <summary>As <see cref="Diagnose()"/>, for TorchSharp.dll in <paramref name="dir"/>.</summary>
    internal static string? Diagnose(string dir)
    {
        if (!OperatingSystem.IsLinux()) return null;
        string? native = new[] { Path.Combine(dir, "libLibTorchSharp.so"),
                                 Path.Combine(dir, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", "libLibTorchSharp.so"),
                                 Path.Combine(dir, "runtimes", "linux-x64", "native", "libLibTorchSharp.so") }
            .FirstOrDefault(File.Exists);
        if (native is null)
            return $"Expected libLibTorchSharp.so next to {dir}/TorchSharp.dll (or under runtimes/linux-x64/native/) but found none. " +
                   "A notebook's #r ignores deps.json, so the natives must sit next to the dll: build the library with " +
                   "`dotnet build -c Release lib/NotebookMnist` (it sets a RuntimeIdentifier) and #r lib/NotebookMnist/bin/TorchSharp.dll.";
        var missing = ElfVersionNeedFix.Requirements(native).Where(v => v.StartsWith("GLIBCXX_", StringComparison.Ordinal))
                                        .Where(v => !SystemLibStdCxxHas(v)).ToList();
        return missing.Count == 0 ? null
            : $"{native} requires {string.Join(", ", missing)}, which this system's libstdc++ does not provide, so the loader " +
              "refuses it. Rebuild with `dotnet build -c Release lib/NotebookMnist`: build/TorchSharp.targets removes that " +
              "requirement from the build output (do not set TorchSharpElfFix=false).";
    }

    static string TorchSharpDirectory() => Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? AppContext.BaseDirectory;

    static readonly Lazy<byte[]?> LibStdCxx = new(() =>
        new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6" }
            .Where(File.Exists).Select(File.ReadAllBytes).FirstOrDefault());

    // The library defines each version it provides as a NUL-terminated name in its string table.
    internal static bool SystemLibStdCxxHas(string version)
    {
        var bytes = LibStdCxx.Value;
        if (bytes is null) return true; // unknown layout: let TorchSharp try
        var needle = System.Text.Encoding.ASCII.GetBytes(version + "\0");
        return bytes.AsSpan().IndexOf(needle) >= 0;
    }
}
