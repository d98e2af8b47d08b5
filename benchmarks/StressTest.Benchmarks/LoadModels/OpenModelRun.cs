// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Aggregation;
using StressTest.Benchmarks.Engine;
using StressTest.Benchmarks.Targets;
using StressTest.Controller;
using StressTest.Evaluation;
using StressTest.Plan;
using StressTest.Plan.Discovery;
using StressTest.Plan.Settings;
using StressTest.Transport;
using StressTest.Workers;

using static StressTest.Benchmarks.Engine.BenchmarkKit;

namespace StressTest.Benchmarks.LoadModels;

/// <summary>
/// One open-model run of an <see cref="OpenTargets"/> method, done the way the test adapter does it: the scanner finds
/// the <c>[StressTest(Rate = …)]</c> method, the benchmark sets Rate, MaxConcurrency, Duration and WarmUp on its
/// declaration, <see cref="PlanBuilder"/> validates it and <see cref="StressController"/> runs it through an
/// <see cref="InProcessAgent"/> on <see cref="TimeProvider.System"/>.
/// </summary>
internal static class OpenModelRun
{
    /// <summary>The open-model methods (<see cref="OpenTargets"/>, <see cref="ProbeTargets"/>) by name.</summary>
    public static IReadOnlyDictionary<string, StressTestDeclaration> Declarations { get; } =
        StressTestScanner.Scan(typeof(OpenTargets).Assembly)
            .Where(d => d.TestClass == typeof(OpenTargets) || d.TestClass == typeof(ProbeTargets))
            .ToDictionary(d => d.Method.Name, StringComparer.Ordinal);

    /// <summary>Runs one open-model load; null (after printing why) when the plan is invalid or the run did not pass.
    /// <paramref name="whileResultAlive"/> is called with the run's result before the sample is made (the test adapter
    /// holds the result until it has written the reports).</summary>
    public static async Task<OpenSample?> RunAsync(StressTestDeclaration declaration, double rate, int maxConcurrency, double seconds, double warmUpSeconds, Action<StressRunResult>? whileResultAlive = null)
    {
        var arguments = new Dictionary<string, object?>(declaration.Arguments, StringComparer.Ordinal)
        {
            [nameof(StressTestAttribute.Rate)] = rate,
            [nameof(StressTestAttribute.MaxConcurrency)] = maxConcurrency,
            [nameof(StressTestAttribute.Duration)] = Invariant($"{seconds}s"),
            [nameof(StressTestAttribute.WarmUp)] = Invariant($"{warmUpSeconds}s"),
        };
        var plan = PlanBuilder.Build(declaration with { Arguments = arguments }, StressSettings.Default);
        if (!plan.IsSuccess)
        {
            await Console.Error.WriteLineAsync($"{declaration.Method.Name}: {plan.Error}");
            return null;
        }

        var controller = new StressController(TimeProvider.System, InProcessAgent.For(TimeProvider.System));
        CollectEverything();
        var collections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        var pausedBefore = GC.GetTotalPauseDuration();
        var cpu = new CpuMeter();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var result = await controller.RunAsync(plan.Value, "bench", CancellationToken.None);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var (processCores, otherCores) = cpu.Stop();
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var gcs = Invariant($"{GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}");
        if (result.Outcome != RunOutcome.Passed || result.Measurements is not { Count: > 0, Lateness: { } lateness } measurements)
        {
            await Console.Error.WriteLineAsync($"{declaration.Method.Name} at {rate}/s: the run did not pass ({result.Outcome}): {string.Join("; ", result.Problems)}");
            return null;
        }

        whileResultAlive?.Invoke(result);

        // The last interval also holds the invocations that completed after the window closed (the drain).
        var perSecond = measurements.Series.Select(s => s.Rps).ToList();
        return new OpenSample(
            declaration.Method.Name,
            rate,
            measurements.Count,
            measurements.Measured.TotalSeconds,
            measurements.Rps,
            measurements.Dropped,
            new Percentiles(lateness),
            CountAbove(lateness, 1000),
            new Percentiles(measurements.Latency),
            measurements.ServiceTime is { } service ? new Percentiles(service) : null,
            perSecond,
            measurements.Series.Count == 0 ? 0 : measurements.Series.Max(s => s.InFlight),
            processCores,
            otherCores,
            gcs,
            paused.TotalMilliseconds,
            allocated);
    }

    /// <summary>Values above <paramref name="microseconds"/> (bucket-exact: HdrHistogram keeps 3 significant digits).</summary>
    private static long CountAbove(HistogramBase histogram, long microseconds)
    {
        long count = 0;
        foreach (var value in histogram.RecordedValues())
        {
            if (histogram.LowestEquivalentValue(value.ValueIteratedTo) > microseconds)
            {
                count += value.CountAddedInThisIterationStep;
            }
        }

        return count;
    }
}

/// <summary>p50, p99, p99.9 and max of a µs histogram, in ms (HdrHistogram's highest equivalent values).</summary>
internal sealed record Percentiles(double P50, double P99, double P999, double Max)
{
    public Percentiles(HistogramBase histogram)
        : this(
            LatencySummary.Percentile(histogram, 50),
            LatencySummary.Percentile(histogram, 99),
            LatencySummary.Percentile(histogram, 99.9),
            histogram.TotalCount == 0 ? double.NaN : histogram.GetMaxValue() / LatencyHistograms.MicrosecondsPerMillisecond)
    {
    }
}

/// <summary>What one open-model run measured.</summary>
/// <param name="Method">The <see cref="OpenTargets"/> method.</param>
/// <param name="Target">Arrivals per second asked for.</param>
/// <param name="Count">Measured invocations (started inside the window).</param>
/// <param name="MeasuredSeconds">The measured window.</param>
/// <param name="Achieved">Count / measured seconds (<see cref="RunMeasurements.Rps"/>).</param>
/// <param name="Dropped">Arrivals that found MaxConcurrency invocations in flight.</param>
/// <param name="Lateness">Start lateness: actual start − intended start.</param>
/// <param name="LateOver1Ms">Starts more than 1 ms late.</param>
/// <param name="Latency">Latency from the intended start.</param>
/// <param name="Service">Service time from the actual start.</param>
/// <param name="PerSecond">Per-second completions per second.</param>
/// <param name="MaxInFlight">The largest in-flight count seen at a harvest.</param>
/// <param name="ProcessCores">CPU cores used by this process over the run.</param>
/// <param name="OtherCores">CPU cores used by everything else.</param>
/// <param name="Collections">GCs during the run, gen0/1/2.</param>
/// <param name="GcPauseMilliseconds">Time the runtime was paused for GCs during the run (all threads stopped).</param>
/// <param name="AllocatedBytes">Bytes allocated during the run, all threads.</param>
internal sealed record OpenSample(
    string Method,
    double Target,
    long Count,
    double MeasuredSeconds,
    double Achieved,
    long Dropped,
    Percentiles Lateness,
    long LateOver1Ms,
    Percentiles Latency,
    Percentiles? Service,
    IReadOnlyList<double> PerSecond,
    int MaxInFlight,
    double ProcessCores,
    double OtherCores,
    string Collections,
    double GcPauseMilliseconds,
    long AllocatedBytes)
{
    public double AchievedRatio => Achieved / Target;

    public double LateShare => Count == 0 ? 0 : (double)LateOver1Ms / Count;
}
