// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using StressTest.Benchmarks.Engine;
using StressTest.Benchmarks.LoadModels;
using StressTest.Benchmarks.Micro;

namespace StressTest.Benchmarks;

/// <summary>
/// <c>engine</c>: the real engine end-to-end on no-op methods (whole runs, Markdown table).
/// <c>micro</c>: BenchmarkDotNet on one invocation of the worker's hot path; further arguments go to
/// BenchmarkDotNet (<c>--filter</c>, <c>--inProcess</c>, ...).
/// <c>open</c>: open-model accuracy (achieved rate, start lateness) at 1,000, 10,000 and 50,000 arrivals/s.
/// <c>memory</c>: peak working set of a long open-model run against a short one, each in a fresh child process
/// (<c>memory-run</c>, hidden, is that child). <c>open-probe</c>: diagnostic, places each stretch of late starts in time.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.Length > 0 ? args[0] : string.Empty;
        var rest = args.Skip(1).ToArray();
        switch (command)
        {
            case "engine":
                return await EngineBenchmark.RunAsync(rest);
            case "open":
                return await OpenModelBenchmark.RunAsync(rest);
            case "memory":
                return await MemoryBenchmark.RunAsync(rest);
            case "memory-run":
                return await MemoryBenchmark.RunOneAsync(rest);
            case "open-probe":
                return await OpenProbe.RunAsync(rest);
            case "micro":
                // Artifacts next to the binaries rather than in whatever directory `dotnet run` was started from
                // (BenchmarkDotNet's default); --artifacts on the command line still wins.
                var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
                var summary = BenchmarkRunner.Run<InvocationHotPathBenchmarks>(config, rest);
                return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
            default:
                await Console.Error.WriteLineAsync(
                    """
                    usage: StressTest.Benchmarks engine [--seconds 5] [--warmup 1] [--repeat 3] [--wait-idle 0]
                           StressTest.Benchmarks micro [BenchmarkDotNet options, e.g. --filter '*.HotPath*']
                           StressTest.Benchmarks open [--seconds 10] [--warmup 1] [--repeat 3] [--wait-idle 0]
                           StressTest.Benchmarks memory [--short 20] [--long 120] [--rate 10000] [--methods NoopAsync,Delay5Ms] [--repeat 1] [--wait-idle 0]
                           StressTest.Benchmarks open-probe [--method ProbeNoopAsync|ProbeDelay5Ms] [--rate 50000] [--seconds 10] [--warmup 1] [--threshold-ms 1] [--prewarm-recording]
                    """);
                return 2;
        }
    }
}
