// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;
using StressTest.Plan.Discovery;
using StressTest.Plan.Settings;
using StressTest.Runner;
using StressTest.Benchmarks.Targets;
using static StressTest.Benchmarks.Engine.BenchmarkKit;

namespace StressTest.Benchmarks.Engine;

/// <summary>
/// What running each stress test in a child process would cost (issue 16: a crash would then fail one test instead of
/// the run): one 1-s no-op test through the runner as the adapter runs it (plan, load, verdict, every report), in this
/// warm process and in a fresh child process (<c>isolation-run</c>), timed from the child's start to its exit. The
/// difference is what a child agent adds per test; the first second's invocations show the cold JIT a child starts with.
/// </summary>
internal static class IsolationBenchmark
{
    private static readonly StressTestDeclaration Noop = StressTestScanner.Scan(typeof(NoopTargets).Assembly)
        .Single(d => d.TestClass == typeof(NoopTargets) && d.Method.Name == nameof(NoopTargets.Noop));

    public static async Task<int> RunAsync(int repeat)
    {
        await RunOnceAsync(); // warms this process, as every test but the first of a run finds it
        var inProcess = new List<(double Ms, long FirstSecond)>();
        var child = new List<(double Ms, long FirstSecond)>();
        for (var i = 0; i < repeat; i++)
        {
            var started = TimeProvider.System.GetTimestamp();
            var first = await RunOnceAsync();
            inProcess.Add((TimeProvider.System.GetElapsedTime(started).TotalMilliseconds, first));
            child.Add(await RunChildAsync());
        }

        Console.WriteLine(MachineLine);
        Console.WriteLine("| where | wall per 1-s test (median) | invocations in the first second (median) |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(Invariant($"| this process, warm | {Median(inProcess.Select(r => r.Ms)):0} ms | {Median(inProcess.Select(r => (double)r.FirstSecond)):N0} |"));
        Console.WriteLine(Invariant($"| a child process, from start to exit | {Median(child.Select(r => r.Ms)):0} ms | {Median(child.Select(r => (double)r.FirstSecond)):N0} |"));
        Console.WriteLine(Invariant($"overhead of a child per test: {Median(child.Select(r => r.Ms)) - Median(inProcess.Select(r => r.Ms)):0} ms ({repeat} runs each, interleaved)"));
        return 0;
    }

    /// <summary>The hidden <c>isolation-run</c>: one test in this fresh process, its first second's count on stdout.</summary>
    public static async Task<int> RunChildOnceAsync()
    {
        Console.WriteLine(Invariant($"first_second={await RunOnceAsync()}"));
        return 0;
    }

    private static async Task<long> RunOnceAsync()
    {
        var arguments = new Dictionary<string, object?>(Noop.Arguments, StringComparer.Ordinal) { [nameof(StressTestAttribute.Duration)] = "1s" };
        var folder = Directory.CreateTempSubdirectory("stresstest-isolation").FullName;
        try
        {
            var record = await new StressTestRunner(TimeProvider.System).RunAsync(Noop with { Arguments = arguments }, StressSettingsParser.Parse([]), folder, CancellationToken.None);
            return record.Measurements?.Series.FirstOrDefault()?.Count ?? 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(double Ms, long FirstSecond)> RunChildAsync()
    {
        // Under `dotnet run` this program is its apphost; under `dotnet StressTest.Benchmarks.dll` it is dotnet.
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(IsolationBenchmark).Assembly.Location);
        }

        start.ArgumentList.Add("isolation-run");
        var started = TimeProvider.System.GetTimestamp();
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var elapsed = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
        var first = output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("first_second=", StringComparison.Ordinal)).Select(l => long.Parse(l["first_second=".Length..], System.Globalization.CultureInfo.InvariantCulture)).Single();
        return (elapsed, first);
    }
}
