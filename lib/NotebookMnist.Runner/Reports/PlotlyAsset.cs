using System.Diagnostics;

namespace NotebookMnist.Runner.Reports;

/// <summary>Finds plotly.min.js from the runner's npm package (node_modules/plotly.js-dist-min), running npm ci once if needed.</summary>
internal static class PlotlyAsset
{
    private const string RelativeScript = "node_modules/plotly.js-dist-min/plotly.min.js";

    /// <summary>The script text, or null (with a warning) when it is unavailable.</summary>
    public static string? Load(List<string> warnings)
    {
        var project = FindProjectFolder();
        if (project is null)
        {
            warnings.Add("plotly.js not found (no lib/NotebookMnist.Runner/package.json above the runner or the current folder); plots show as text.");
            return null;
        }
        var script = Path.Combine(project, RelativeScript);
        if (!File.Exists(script) && !TryNpmCi(project, warnings)) return null;
        if (File.Exists(script)) return File.ReadAllText(script);
        warnings.Add($"plotly.js not found at {script} after npm ci; plots show as text.");
        return null;
    }

    private static string? FindProjectFolder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "NotebookMnist.Runner.csproj")) && File.Exists(Path.Combine(folder.FullName, "package.json")))
                    return folder.FullName;
                var nested = Path.Combine(folder.FullName, "lib", "NotebookMnist.Runner");
                if (File.Exists(Path.Combine(nested, "package.json"))) return nested;
            }
        return null;
    }

    private static bool TryNpmCi(string project, List<string> warnings)
    {
        try
        {
            var start = new ProcessStartInfo("npm", ["ci", "--prefix", project, "--no-audit", "--no-fund", "--loglevel=error"])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(true); warnings.Add("npm ci timed out; plots show as text."); return false; }
            if (process.ExitCode == 0) return true;
            warnings.Add($"npm ci failed ({error.Result.Trim()}); plots show as text.");
        }
        catch (System.ComponentModel.Win32Exception) { warnings.Add("plotly.js missing and npm is not installed; plots show as text."); }
        return false;
    }
}
