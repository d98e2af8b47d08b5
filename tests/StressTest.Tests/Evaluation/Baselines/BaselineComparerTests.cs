// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Evaluation.Baselines;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Reports;

namespace StressTest.Tests.Evaluation.Baselines;

/// <summary>
/// The noise-aware verdicts on synthetic runs with known effects (issue 7, "Done when"): a 30 % shift in a quiet run
/// regresses, a 3 % shift in a noisy run never does, identical runs are unchanged in at least 95 % of 200 seeded
/// trials. Seeded and deterministic; the whole class runs in well under a second.
/// </summary>
[TestClass]
public sealed class BaselineComparerTests
{
    private const int Trials = 200;

    private static readonly RunShape Quiet = new(SecondNoise: 0.02);
    private static readonly RunShape Noisy = new(SecondNoise: 0.25);

    [TestMethod]
    public void Judge_ThirtyPercentSlowerWithLowNoise_Regressed()
    {
        var runs = new SyntheticRuns();

        var comparison = Judge("p95 < baseline + 10%", runs.Run(Quiet, seed: 1), runs.Run(Quiet with { Shift = 1.3 }, seed: 2));

        Assert.AreEqual(ComparisonVerdict.Regressed, comparison.Verdict, comparison.Describe());
        Assert.IsFalse(comparison.Passed);
        Assert.IsInRange(25.0, 35.0, comparison.Change, comparison.Describe());
        Assert.IsGreaterThan(10.0, comparison.ChangeLow, "the whole interval is beyond the 10 % tolerance: " + comparison.Describe());
        Assert.IsLessThan(40.0, comparison.ChangeHigh, comparison.Describe());
        Assert.Contains("regressed", comparison.Describe());
        Assert.Contains("expected p95 < baseline + 10%", comparison.Describe());
    }

    [TestMethod]
    public void Judge_ThirtyPercentSlowerWithLowNoise_RegressedInEverySeededTrial()
    {
        var runs = new SyntheticRuns();

        var verdicts = Enumerable.Range(0, Trials)
            .Select(t => Judge("p95 < baseline + 10%", runs.Run(Quiet, 2 * t), runs.Run(Quiet with { Shift = 1.3 }, (2 * t) + 1)).Verdict)
            .ToList();

        Assert.AreEqual(Trials, verdicts.Count(v => v == ComparisonVerdict.Regressed), Tally(verdicts));
    }

    [TestMethod]
    public void Judge_ThreePercentSlowerInHighNoise_NeverRegressedIn200SeededTrials()
    {
        var runs = new SyntheticRuns();

        var verdicts = Enumerable.Range(0, Trials)
            .Select(t => Judge("p95 < baseline + 10%", runs.Run(Noisy, 2 * t), runs.Run(Noisy with { Shift = 1.03 }, (2 * t) + 1)).Verdict)
            .ToList();

        Assert.AreEqual(0, verdicts.Count(v => v == ComparisonVerdict.Regressed), Tally(verdicts));
        Assert.IsTrue(verdicts.All(v => v is ComparisonVerdict.Unchanged or ComparisonVerdict.Inconclusive), Tally(verdicts));
    }

    [TestMethod]
    public void Judge_IdenticalRuns_UnchangedInAtLeast95PercentOf200SeededTrials()
    {
        var runs = new SyntheticRuns();

        var verdicts = Enumerable.Range(0, Trials)
            .Select(t => Judge("p95 < baseline + 10%", runs.Run(Noisy, 2 * t), runs.Run(Noisy, (2 * t) + 1)).Verdict)
            .ToList();

        Assert.IsGreaterThanOrEqualTo(190, verdicts.Count(v => v == ComparisonVerdict.Unchanged), Tally(verdicts));
        Assert.AreEqual(0, verdicts.Count(v => v == ComparisonVerdict.Regressed), Tally(verdicts));
    }

    [TestMethod]
    public void Judge_IdenticalRunsWithoutTolerance_RegressedAtMostAtTheIntervalsErrorRate()
    {
        var runs = new SyntheticRuns();

        // "p95 <= baseline": the limit is the baseline itself, so only the interval stands between noise and a
        // failure. A 95 % two-sided interval is beyond it by chance in 2.5 % of runs: 5 of 200, give or take.
        var verdicts = Enumerable.Range(0, Trials)
            .Select(t => Judge("p95 <= baseline", runs.Run(Noisy, 2 * t), runs.Run(Noisy, (2 * t) + 1)).Verdict)
            .ToList();

        Assert.IsLessThanOrEqualTo(12, verdicts.Count(v => v == ComparisonVerdict.Regressed), Tally(verdicts));
    }

    [TestMethod]
    public void Judge_ThirtyPercentFaster_Improved()
    {
        var runs = new SyntheticRuns();

        var comparison = Judge("p95 < baseline + 10%", runs.Run(Quiet, 1), runs.Run(Quiet with { Shift = 0.7 }, 2));

        Assert.AreEqual(ComparisonVerdict.Improved, comparison.Verdict, comparison.Describe());
        Assert.IsTrue(comparison.Passed);
        Assert.IsLessThan(-10.0, comparison.ChangeHigh);
    }

    [TestMethod]
    public void Judge_TwelvePercentSlowerWithModerateNoise_RealButInconclusive()
    {
        var runs = new SyntheticRuns();
        var moderate = new RunShape(SecondNoise: 0.05, Seconds: 10);

        var comparison = Judge("p95 < baseline + 10%", runs.Run(moderate, 21), runs.Run(moderate with { Shift = 1.12 }, 22));

        Assert.AreEqual(ComparisonVerdict.Inconclusive, comparison.Verdict, comparison.Describe());
        Assert.IsTrue(comparison.Passed);
        Assert.IsGreaterThan(0.0, comparison.ChangeLow, "the change is real: " + comparison.Describe());
        Assert.IsLessThan(10.0, comparison.ChangeLow, "but may be within the tolerance: " + comparison.Describe());
        Assert.Contains("run longer", comparison.Describe());
    }

    [TestMethod]
    public void Judge_IdenticalNoisyRunPastTheLimit_UnchangedAsNoise()
    {
        var runs = new SyntheticRuns();

        var pastByNoise = Enumerable.Range(0, Trials)
            .Select(t => Judge("p95 < baseline + 10%", runs.Run(Noisy, 2 * t), runs.Run(Noisy, (2 * t) + 1)))
            .First(c => c.Actual >= c.Limit);

        Assert.AreEqual(ComparisonVerdict.Unchanged, pastByNoise.Verdict, pastByNoise.Describe());
        Assert.IsTrue(pastByNoise.Passed);
        Assert.Contains("past the limit by noise alone", pastByNoise.Describe());
    }

    [TestMethod]
    public void Judge_RunsTooShortForAnInterval_InconclusiveWhenPastTheLimit()
    {
        var runs = new SyntheticRuns();

        var comparison = Judge("p95 < baseline + 10%", runs.Run(Quiet with { Seconds = 3 }, 1), runs.Run(Quiet with { Seconds = 3, Shift = 1.5 }, 2));

        Assert.AreEqual(ComparisonVerdict.Inconclusive, comparison.Verdict, comparison.Describe());
        Assert.IsTrue(double.IsNaN(comparison.ChangeLow));
        Assert.Contains("too few seconds for a 95 % interval (3 in the baseline, 3 now)", comparison.Describe());
    }

    [TestMethod]
    public void Judge_RpsDroppedByAThird_RegressedDownwards()
    {
        var runs = new SyntheticRuns();
        var before = runs.Run(Quiet, 1);
        var now = runs.Run(Quiet, 2);
        now = now with { Rps = 130, Series = [.. now.Series.Select((s, i) => s with { Rps = 130 + (i % 3) })] };

        var comparison = Judge("rps >= baseline - 5%", before, now);

        Assert.AreEqual(ComparisonVerdict.Regressed, comparison.Verdict, comparison.Describe());
        Assert.IsInRange(-36.0, -34.0, comparison.Change);
    }

    [TestMethod]
    public void Judge_ErrorRateFromZeroToFivePercent_RegressedInPercentagePoints()
    {
        var runs = new SyntheticRuns();

        var comparison = Judge("error_rate <= baseline + 1%", runs.Run(Quiet, 1), runs.Run(Quiet with { ErrorRate = 0.05 }, 2));

        Assert.AreEqual(ComparisonVerdict.Regressed, comparison.Verdict, comparison.Describe());
        Assert.AreEqual("pp", comparison.ChangeUnit);
        Assert.AreEqual(0.01, comparison.Limit, 1e-12);
        Assert.Contains(" pp [", comparison.Describe());
    }

    [TestMethod]
    public void Judge_ShortIntervalsAtTheEdges_AreLeftOut()
    {
        var runs = new SyntheticRuns();
        var report = runs.Run(Quiet with { Seconds = 5 }, 1);
        var straggler = report.Series[^1] with { Second = 5, Start = 5, End = 5.2, P95 = 1000 };

        var samples = RunSeries.Of(ReportFigures.From(report with { Series = [.. report.Series, straggler] }), new ThresholdMetric(MetricKind.Percentile, 95));

        Assert.HasCount(5, samples.PerSecond);
        Assert.IsTrue(samples.PerSecond.All(v => v < 1000));
    }

    [TestMethod]
    public void Judge_BaselineWithoutTheMetric_InconclusiveNamingIt()
    {
        var runs = new SyntheticRuns();
        var before = runs.Run(Quiet, 1);
        before = before with { LatencyMs = before.LatencyMs with { P95 = null } };

        var comparison = Judge("p95 < baseline + 10%", before, runs.Run(Quiet, 2));

        Assert.AreEqual(ComparisonVerdict.Inconclusive, comparison.Verdict);
        Assert.Contains("the baseline has no p95", comparison.Describe());
    }

    private static Comparison Judge(string expression, StressReport baseline, StressReport current)
    {
        var threshold = ThresholdParser.Parse(expression);
        Assert.IsTrue(threshold.IsSuccess, threshold.Error);
        return BaselineComparer.Judge(threshold.Value, ReportFigures.From(baseline), ReportFigures.From(current));
    }

    private static string Tally(IEnumerable<ComparisonVerdict> verdicts) =>
        string.Join(", ", verdicts.GroupBy(v => v).Select(g => $"{g.Key} {g.Count()}"));
}
