// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Text;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>
/// Runs the dotnet CLI as a child process with its output captured. The child gets a clean, quiet environment
/// and leaves no build servers behind: a lingering MSBuild node or compiler server would keep the output pipe
/// open (so the wait would hang) and outlive the test run.
/// </summary>
internal static class DotnetCli
{
    /// <summary>The dotnet host running these tests (set by the SDK for its child processes), else the one on PATH.</summary>
    public static string Executable { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    // Inherited from the `dotnet test` running these tests; they describe that run, not the child's (and the
    // fixtures' reports do not belong in the CI's GitHub step summary).
    private static readonly string[] InheritedPrefixesToDrop = ["VSTEST_", "TESTINGPLATFORM_", "MSBUILD", "GITHUB_STEP_SUMMARY"];

    private static readonly Dictionary<string, string> QuietEnvironment = new(StringComparer.Ordinal)
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["UseSharedCompilation"] = "false",
    };

    /// <param name="arguments">The dotnet command line.</param>
    /// <param name="environment">Variables to set for the child.</param>
    /// <param name="timeout">Killed after this long.</param>
    /// <param name="killWhen">Polled every 100 ms while the child runs: when it returns true the whole process tree is
    /// killed at once (SIGKILL on Linux), as a CI agent or Ctrl+C in `dotnet test` would.</param>
    /// <param name="signal">A signal (<c>INT</c>, <c>TERM</c>, <c>KILL</c>) to send, once, to the child's whole process
    /// group when <paramref name="signalWhen"/> first returns true; the child is then started in a session of its own
    /// with SIGINT at its default (a background job of a non-interactive shell starts with SIGINT ignored, and its
    /// children would inherit that), as a terminal's Ctrl+C reaches `dotnet test`.</param>
    /// <param name="signalWhen">Polled every 100 ms while the child runs, until it returns true.</param>
    public static async Task<ProcessResult> RunAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, Func<bool>? killWhen = null, string? signal = null, Func<bool>? signalWhen = null)
    {
        var grouped = signal is not null;
        var info = new ProcessStartInfo(grouped ? "setsid" : Executable)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (grouped)
        {
            // setsid: a session and process group of its own, led by the child (so its id is the group's);
            // env --default-signal=INT: SIGINT back at its default before dotnet starts.
            foreach (var launcher in new[] { "env", "--default-signal=INT", Executable })
            {
                info.ArgumentList.Add(launcher);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in info.Environment.Keys.Where(k => InheritedPrefixesToDrop.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in QuietEnvironment.Concat(environment ?? new Dictionary<string, string>()))
        {
            info.Environment[name] = value;
        }

        var output = new StringBuilder();
        var commandLine = Executable + " " + string.Join(" ", arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var started = TimeProvider.System.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var timedOut = false;
        var killed = false;
        long? signalledAt = null;
        using (var cancellation = new CancellationTokenSource(timeout))
        {
            try
            {
                var exited = process.WaitForExitAsync(cancellation.Token);
                while ((killWhen is not null || (signalWhen is not null && signalledAt is null)) && !exited.IsCompleted)
                {
                    await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellation.Token));
                    if (!exited.IsCompleted && killWhen?.Invoke() == true)
                    {
                        killed = true;
                        process.Kill(entireProcessTree: true);
                        break;
                    }

                    if (!exited.IsCompleted && signalledAt is null && signalWhen?.Invoke() == true)
                    {
                        signalledAt = TimeProvider.System.GetTimestamp();
                        using var kill = Process.Start("kill", ["-" + signal, "--", "-" + process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                        await kill.WaitForExitAsync(cancellation.Token);
                    }
                }

                await exited;
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        return new ProcessResult(commandLine, process.ExitCode, timedOut, TimeProvider.System.GetElapsedTime(started), text)
        {
            Killed = killed,
            SinceSignal = signalledAt is { } at ? TimeProvider.System.GetElapsedTime(at) : null,
        };
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
