using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace NotebookMnist.Runner.Execution;

/// <summary>
/// Native libraries of restored packages (<c>runtimes/&lt;rid&gt;/native</c>): when the normal probing of any load
/// context fails, look in those folders. A fallback only, so libraries with their own resolver (TorchSharp) are untouched.
/// </summary>
internal static class NativeProbing
{
    private static readonly ConcurrentDictionary<string, byte> Directories = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<AssemblyLoadContext, byte> Hooked = new();
    private static int _installed;

    /// <summary>Adds a folder to search and makes sure every load context falls back to the search.</summary>
    public static void AddDirectory(string directory)
    {
        Directories.TryAdd(directory, 0);
        if (Interlocked.Exchange(ref _installed, 1) == 1) return;
        foreach (var context in AssemblyLoadContext.All) Hook(context);
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
        {
            if (AssemblyLoadContext.GetLoadContext(e.LoadedAssembly) is { } context) Hook(context);
        };
    }

    /// <summary>The first file in the registered folders that matches a library name, or null.</summary>
    public static string? Find(string name)
    {
        string[] candidates = [name, $"lib{name}.so", $"{name}.so", $"lib{name}.dylib", $"{name}.dylib", $"{name}.dll"];
        foreach (var directory in Directories.Keys)
            foreach (var candidate in candidates)
            {
                var path = Path.Combine(directory, candidate);
                if (File.Exists(path)) return path;
            }
        return null;
    }

    /// <summary>Whether a package asset's runtime identifier applies to this process (e.g. linux-x64, linux, unix).</summary>
    public static bool Matches(string? rid)
    {
        if (string.IsNullOrEmpty(rid)) return false;
        var current = RuntimeInformation.RuntimeIdentifier;
        if (rid == current || rid == "any") return true;
        var os = current.Split('-')[0];
        return rid == os || (rid == "unix" && !OperatingSystem.IsWindows())
            || rid == $"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
    }

    private static void Hook(AssemblyLoadContext context)
    {
        if (Hooked.TryAdd(context, 0)) context.ResolvingUnmanagedDll += Resolve;
    }

    private static IntPtr Resolve(Assembly assembly, string name) =>
        Find(name) is { } path && NativeLibrary.TryLoad(path, out var handle) ? handle : IntPtr.Zero;
}
