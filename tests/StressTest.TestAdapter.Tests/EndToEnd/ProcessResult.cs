// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>What a finished child process did; its text is made to be pasted into an assertion message.</summary>
internal sealed record ProcessResult(string CommandLine, int ExitCode, bool TimedOut, TimeSpan Elapsed, string Output)
{
    /// <summary>Killed on purpose (SIGKILL to the whole tree) because the caller's condition came true.</summary>
    public bool Killed { get; init; }

    /// <summary>How long the child ran after the signal was sent to its process group; null when none was.</summary>
    public TimeSpan? SinceSignal { get; init; }

    public override string ToString() =>
        $"> {CommandLine}{Environment.NewLine}" +
        (TimedOut ? $"timed out after {Elapsed.TotalSeconds:0.0} s and was killed" : Killed ? $"killed on purpose after {Elapsed.TotalSeconds:0.0} s" : $"exit code {ExitCode} after {Elapsed.TotalSeconds:0.0} s") +
        $"{Environment.NewLine}--- output ---{Environment.NewLine}{Output}--- end of output ---";
}
