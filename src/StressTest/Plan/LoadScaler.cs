// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Load;
using StressTest.Plan.Rules;

namespace StressTest.Plan;

/// <summary>
/// Applies the <c>RateScale</c> setting to a validated load: it multiplies Rate (open model), Concurrency (closed
/// model) and every Stages target, so one test declares its load once and a profile makes it lighter or heavier.
/// Workers stay whole numbers (rounded, at least one); MaxConcurrency, Pacing and Timeout are not scaled.
/// </summary>
internal static class LoadScaler
{
    public static LoadProfile Apply(LoadProfile load, double scale, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(problems);
        if (scale == 1)
        {
            return load;
        }

        var open = load.Model == LoadModel.Open;
        var stages = load.Stages.Select(s => s with { Target = open ? s.Target * scale : Math.Round(s.Target * scale) }).ToList();
        var scaled = load with
        {
            Rate = load.Rate * scale,
            Concurrency = stages.Count > 0 && !open
                ? Math.Max(1, (int)Math.Ceiling(stages.Max(s => s.Target)))
                : Math.Max(1, (int)Math.Round(load.Concurrency * scale)),
            Stages = stages,
        };

        var peakRate = stages.Count > 0 ? stages.Max(s => s.Target) : scaled.Rate;
        if (open && peakRate > LoadArguments.MaxRate)
        {
            problems.Add(Problem(scale, $"a rate of {peakRate:N0}/s, above the limit of 1,000,000/s"));
        }
        else if (!open && scaled.Concurrency > LoadArguments.MaxWorkers)
        {
            problems.Add(Problem(scale, $"{scaled.Concurrency:N0} workers, above the limit of 1,000 ({LoadArguments.TooManyWorkersHint})"));
        }
        else if (stages.Count > 0 && stages.Max(s => s.Target) <= 0)
        {
            problems.Add(Problem(scale, "every Stages target 0, so nothing would run"));
        }

        return scaled;
    }

    private static string Problem(double scale, string what) => string.Create(
        CultureInfo.InvariantCulture,
        $"Setting StressTest.RateScale = {scale} makes {what}; lower RateScale or the test's load.");
}
