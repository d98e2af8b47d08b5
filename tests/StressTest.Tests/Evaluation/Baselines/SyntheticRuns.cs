// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using StressTest.Aggregation;
using StressTest.Reports;
using StressTest.Transport;

namespace StressTest.Tests.Evaluation.Baselines;

/// <summary>The shape of a synthetic run: how slow, how noisy, how long.</summary>
/// <param name="MedianMs">Median latency before any shift.</param>
/// <param name="Shift">Multiplies every latency: 1.3 is "30 % slower".</param>
/// <param name="SecondNoise">Standard deviation of each second's log-scale factor: how much one second differs from
/// the next (GC, a noisy neighbour). 0.02 is a quiet machine, 0.25 a busy CI runner.</param>
/// <param name="Seconds">Measured seconds.</param>
/// <param name="PerSecond">Invocations per second.</param>
/// <param name="ErrorRate">Share of invocations that fail.</param>
internal sealed record RunShape(double MedianMs = 10, double Shift = 1, double SecondNoise = 0.02, int Seconds = 20, int PerSecond = 200, double ErrorRate = 0);

/// <summary>
/// Synthetic runs with known effects, built as the engine builds real ones: every invocation's latency is recorded
/// into an HdrHistogram per second and into the whole run's, and the report is read off those histograms (so
/// percentiles are bucketed and tie, as real ones do). Latency = median × shift × the second's factor (log-normal,
/// <see cref="RunShape.SecondNoise"/>) × the invocation's own log-normal spread (σ = 0.3). Seeded: the same seed
/// gives the same run.
/// </summary>
internal sealed class SyntheticRuns
{
    private const double InvocationSpread = 0.3;

    private readonly LongHistogram _second = LatencyHistograms.Create();
    private readonly LongHistogram _whole = LatencyHistograms.Create();

    public StressReport Run(RunShape shape, int seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var random = new Xoshiro256StarStar(seed);
        var invocation = new LogNormal(0, InvocationSpread, random);
        var secondFactor = new Normal(0, shape.SecondNoise, random);
        _whole.Reset();
        var series = new List<ReportSecond>();
        long errors = 0;
        for (var s = 0; s < shape.Seconds; s++)
        {
            _second.Reset();
            var factor = Math.Exp(secondFactor.Sample());
            long secondErrors = 0;
            for (var i = 0; i < shape.PerSecond; i++)
            {
                var micros = (long)(shape.MedianMs * 1000 * shape.Shift * factor * invocation.Sample());
                _second.RecordValue(LatencyHistograms.Clamp(micros));
                _whole.RecordValue(LatencyHistograms.Clamp(micros));
                secondErrors += random.NextDouble() < shape.ErrorRate ? 1 : 0;
            }

            errors += secondErrors;
            series.Add(new ReportSecond(s, s, s + 1, shape.PerSecond, secondErrors, shape.PerSecond, shape.PerSecond, 0, 0, null, null, null, null, null)
            {
                P95 = LatencySummary.Percentile(_second, 95),
            });
        }

        var count = (long)shape.Seconds * shape.PerSecond;
        var latency = LatencySummary.From(_whole);
        var summary = new ReportLatency(latency.Min, latency.Mean, latency.P50, latency.P75, latency.P90, latency.P95, latency.P99, latency.P999, latency.Max);
        return Report("Synthetic.Tests.Run", $"synthetic-{seed}", shape.Seconds, summary, series) with
        {
            Count = count,
            Errors = errors,
            ErrorRate = (double)errors / count,
            Rps = shape.PerSecond,
        };
    }

    /// <summary>A report with the given numbers and neutral everything else.</summary>
    public static StressReport Report(string test, string runId, double seconds, ReportLatency latency, IReadOnlyList<ReportSecond> series) => new()
    {
        Test = test,
        DisplayName = "Run",
        Outcome = "passed",
        RunId = runId,
        StartedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        DurationSeconds = seconds,
        Plan = new ReportPlan("closed", 4, null, null, null, null, null, "0s", seconds + "s", "30s", 1),
        LatencyMs = latency,
        ServiceTimeMs = latency,
        StartLatenessMs = new ReportLatency(null, null, null, null, null, null, null, null, null),
        Thresholds = [],
        ErrorsByType = [],
        Series = series,
        Problems = [],
        Environment = new ReportEnvironment("ci-1", "Linux", 2, ".NET 10.0.0", "1.0.0") { Cpu = "Test CPU" },
    };
}
