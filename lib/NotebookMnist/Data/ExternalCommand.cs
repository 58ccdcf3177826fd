using System.ComponentModel;
using System.Diagnostics;

namespace NotebookMnist.Data;

/// <summary>Runs a helper program (apt-get, dpkg-deb) with a time limit, passing its output on line by line.</summary>
internal static class ExternalCommand
{
    /// <summary>How long a command may stay silent before <c>quiet</c> is told (so a terminal is never silent for long).</summary>
    public static readonly TimeSpan QuietInterval = TimeSpan.FromSeconds(10);

    /// <summary>The full path of <paramref name="command"/> (a path, or a name looked up on $PATH), or null when absent.</summary>
    public static string? Find(string command)
    {
        if (command.Contains(Path.DirectorySeparatorChar) || command.Contains('/'))
            return File.Exists(command) ? Path.GetFullPath(command) : null;
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (folder.Length == 0) continue;
            string candidate = Path.Combine(folder, command);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Runs the command to its end; each stdout and stderr line goes to <paramref name="onLine"/>.</summary>
    /// <param name="command">The program.</param>
    /// <param name="arguments">Its arguments, passed without a shell.</param>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="timeout">The longest run; the process tree is killed after it.</param>
    /// <param name="onLine">Receives each output line (called from one thread at a time).</param>
    /// <param name="quiet">Receives the elapsed time whenever the program printed nothing for <see cref="QuietInterval"/>.</param>
    /// <returns>The exit code and the last stderr line ("" when none).</returns>
    /// <exception cref="IOException">The program could not be started.</exception>
    /// <exception cref="TimeoutException">The program ran longer than <paramref name="timeout"/>.</exception>
    public static (int ExitCode, string LastError) Run(
        string command, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout,
        Action<string> onLine, Action<TimeSpan>? quiet = null)
    {
        using var process = Start(command, arguments, workingDirectory, redirectStandardOutput: true);
        var gate = new object();
        string lastError = "";
        long lastOutput = Environment.TickCount64;
        void Receive(string? line, bool error)
        {
            if (string.IsNullOrWhiteSpace(line)) return;
            lock (gate)
            {
                lastOutput = Environment.TickCount64;
                if (error) lastError = line.Trim();
                onLine(line.TrimEnd());
            }
        }
        process.OutputDataReceived += (_, e) => Receive(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => Receive(e.Data, error: true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = Stopwatch.StartNew();
        while (!process.WaitForExit(TimeSpan.FromSeconds(1)))
        {
            if (started.Elapsed > timeout)
            {
                Kill(process);
                throw new TimeoutException($"`{command} {string.Join(' ', arguments)}` did not finish within {timeout.TotalSeconds:0} s.");
            }
            lock (gate)
            {
                if (quiet is not null && Environment.TickCount64 - lastOutput >= QuietInterval.TotalMilliseconds)
                {
                    lastOutput = Environment.TickCount64;
                    quiet(started.Elapsed);
                }
            }
        }
        process.WaitForExit();   // drains the asynchronous output readers
        return (process.ExitCode, lastError);
    }

    /// <summary>Runs the command and hands its stdout to <paramref name="read"/>; killed after <paramref name="timeout"/>.</summary>
    /// <returns>What <paramref name="read"/> returned.</returns>
    /// <exception cref="IOException">The program could not be started or exited with an error.</exception>
    /// <exception cref="TimeoutException">The program ran longer than <paramref name="timeout"/>.</exception>
    public static T ReadOutput<T>(
        string command, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, Func<Stream, T> read)
    {
        using var process = Start(command, arguments, workingDirectory, redirectStandardOutput: true);
        var stderr = process.StandardError.ReadToEndAsync();
        bool timedOut = false;
        using var watchdog = new Timer(_ => { timedOut = true; Kill(process); }, null, timeout, Timeout.InfiniteTimeSpan);
        T result;
        try
        {
            result = read(process.StandardOutput.BaseStream);
            process.StandardOutput.BaseStream.CopyTo(Stream.Null);   // let the program finish writing
        }
        catch (Exception) when (timedOut)
        {
            throw new TimeoutException($"`{command} {string.Join(' ', arguments)}` did not finish within {timeout.TotalSeconds:0} s.");
        }
        finally
        {
            if (!process.HasExited) Kill(process);
        }
        process.WaitForExit();
        if (timedOut)
            throw new TimeoutException($"`{command} {string.Join(' ', arguments)}` did not finish within {timeout.TotalSeconds:0} s.");
        if (process.ExitCode != 0)
            throw new IOException($"`{command} {string.Join(' ', arguments)}` exited with code {process.ExitCode}: {LastLine(stderr.Result)}");
        return result;
    }

    /// <summary>The last non-empty line of a program's output, or "(no message)".</summary>
    public static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no message)";

    private static Process Start(string command, IReadOnlyList<string> arguments, string workingDirectory, bool redirectStandardOutput)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory, UseShellExecute = false,
            RedirectStandardOutput = redirectStandardOutput, RedirectStandardError = true, RedirectStandardInput = true,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["LC_ALL"] = "C";   // messages in English, so the reasons we pass on read the same everywhere
        try
        {
            var process = Process.Start(start) ?? throw new IOException($"could not run `{command}`.");
            process.StandardInput.Close();       // never wait for a question to be answered
            return process;
        }
        catch (Win32Exception e)
        {
            throw new IOException($"could not run `{command}` ({e.Message}).", e);
        }
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }   // already exited
        catch (Win32Exception) { }
    }
}
