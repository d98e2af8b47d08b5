// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.CommandLine;

namespace StressTest.Cli;

/// <summary>
/// <c>stresstest compare &lt;baseline.json&gt; &lt;current.json&gt; [--markdown] [--threshold "p95 &lt;= baseline + 10%"]…</c>.
/// Exit codes: 0 no regression, 1 a relative threshold regressed, 2 the command line or a file is wrong.
/// </summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs a command line with the given output, for tests.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("StressTest command line: compare stress-test reports with their baselines.");
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(MockCommand.Create());
        var parseResult = root.Parse(args);
        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null }).ConfigureAwait(false);
        return parseResult.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }
}
