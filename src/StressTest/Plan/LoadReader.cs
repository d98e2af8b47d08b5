// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Load;
using StressTest.Plan.Settings;

namespace StressTest.Plan;

/// <summary>
/// Reads the load part of <c>[StressTest]</c> (Duration, WarmUp, Timeout, Concurrency, Rate, MaxConcurrency,
/// Arrivals, Pacing, Stages, Model) into a <see cref="LoadProfile"/>, checking each value and every combination that
/// makes no sense (Rate with Concurrency, Stages with Duration, Pacing in the open model…). Only properties the
/// user actually set count for the combinations: attribute data tells set from default.
/// </summary>
internal static class LoadReader
{
    public const int MaxWorkers = 10_000;
    public const int MaxInFlight = 100_000;
    public const double MaxRate = 1_000_000;

    /// <summary>Upper bound on a scaled Duration or WarmUp: nothing in a test run should last longer.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

    /// <summary>The longest automatic warm-up (WarmUp not written), before DurationScale: on two busy cores the JIT's
    /// tiering of an HTTP client's code went on for 10-20 s (docs/benchmarks.md), and a run that is still warming
    /// then is measured anyway, its seconds marked "warming" by the generator verdict.</summary>
    public static readonly TimeSpan AutoWarmUpLimit = TimeSpan.FromSeconds(30);

    /// <summary>The WarmUp text that asks for the automatic warm-up explicitly (also the attribute's default).</summary>
    public const string AutoWarmUpText = "auto";

    public static LoadProfile Read(IReadOnlyDictionary<string, object?> arguments, StressSettings settings, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(problems);
        bool Has(string name) => arguments.ContainsKey(name);

        // WarmUp not written: the warm-up is automatic (until the generator is warm, at most AutoWarmUpLimit);
        // WarmUp = "0s" turns it off, any other value is honoured as written.
        var autoWarmUp = !Has(nameof(StressTestAttribute.WarmUp))
            || (arguments[nameof(StressTestAttribute.WarmUp)] is string written && written.Trim().Equals(AutoWarmUpText, StringComparison.OrdinalIgnoreCase));
        var warmUp = autoWarmUp ? AutoWarmUpLimit : ReadDuration(arguments, nameof(StressTestAttribute.WarmUp), "0s", allowZero: true, problems);
        var timeout = ReadDuration(arguments, nameof(StressTestAttribute.Timeout), "30s", allowZero: false, problems);
        var model = ReadModel(arguments, problems);
        var open = model == LoadModel.Open;

        var stages = ReadStages(arguments, open, problems);
        var duration = stages.Count > 0
            ? TimeSpan.FromTicks(stages.Sum(s => s.Duration.Ticks))
            : ReadDuration(arguments, nameof(StressTestAttribute.Duration), "10s", allowZero: false, problems);
        if (stages.Count > 0 && Has(nameof(StressTestAttribute.Duration)))
        {
            problems.Add(Prefix(arguments, nameof(StressTestAttribute.Duration), nameof(StressTestAttribute.Stages)) + "Duration and Stages exclude each other: the stages' durations add up to the run's length; remove Duration.");
        }

        var concurrency = ReadInt(arguments, nameof(StressTestAttribute.Concurrency), 1, MaxWorkers, "the number of workers invoking the method back-to-back", problems);
        var rate = ReadRate(arguments, stages.Count > 0, problems);
        var maxConcurrency = ReadInt(arguments, nameof(StressTestAttribute.MaxConcurrency), 1000, MaxInFlight, "the number of invocations allowed in flight", problems);
        var pacing = TimeSpan.Zero;
        if (Has(nameof(StressTestAttribute.Pacing)))
        {
            pacing = ReadDuration(arguments, nameof(StressTestAttribute.Pacing), "0s", allowZero: false, problems);
        }

        CheckModelCombinations(arguments, open, stages.Count > 0, problems);
        if (stages.Count > 0 && !open)
        {
            concurrency = (int)Math.Ceiling(stages.Max(s => s.Target));
        }

        var scale = settings.DurationScale;
        return new LoadProfile(Scale(warmUp, scale), Scale(duration, scale), concurrency, timeout, settings.ShutdownGrace)
        {
            Model = model,
            Rate = rate,
            MaxConcurrency = maxConcurrency,
            Arrivals = ReadArrivals(arguments, problems),
            Seed = settings.Seed,
            Pacing = pacing,
            Stages = stages.Select(s => s with { Duration = Scale(s.Duration, scale) }).ToList(),
            AutoWarmUp = autoWarmUp,
        };
    }

    private static void CheckModelCombinations(IReadOnlyDictionary<string, object?> arguments, bool open, bool staged, List<string> problems)
    {
        bool Has(string name) => arguments.ContainsKey(name);
        if (Has(nameof(StressTestAttribute.Rate)) && Has(nameof(StressTestAttribute.Concurrency)))
        {
            problems.Add($"[StressTest(Rate = {Format(arguments[nameof(StressTestAttribute.Rate)])}, Concurrency = {Format(arguments[nameof(StressTestAttribute.Concurrency)])})]: Rate (open model: arrivals per second) and Concurrency (closed model: workers) exclude each other; keep one. To cap invocations in flight in the open model, use MaxConcurrency.");
        }
        else if (open && Has(nameof(StressTestAttribute.Concurrency)))
        {
            problems.Add(Prefix(arguments, nameof(StressTestAttribute.Concurrency)) + "Concurrency is the closed model's worker count and does not apply with Model = LoadModel.Open; use MaxConcurrency to cap invocations in flight.");
        }

        if (open && !staged && !Has(nameof(StressTestAttribute.Rate)))
        {
            problems.Add("[StressTest(Model = LoadModel.Open)]: the open model needs Rate (arrivals per second) or Stages (ramping rates).");
        }

        if (staged && Has(nameof(StressTestAttribute.Concurrency)))
        {
            problems.Add(Prefix(arguments, nameof(StressTestAttribute.Concurrency), nameof(StressTestAttribute.Stages)) + "Concurrency and Stages exclude each other: the stages' targets are the workers; remove Concurrency.");
        }

        if (open && Has(nameof(StressTestAttribute.Pacing)))
        {
            problems.Add(Prefix(arguments, nameof(StressTestAttribute.Pacing)) + "Pacing applies to the closed model (Concurrency); the open model already starts invocations on a schedule (Rate).");
        }
        else if (Has(nameof(StressTestAttribute.Pacing)) && !Has(nameof(StressTestAttribute.Concurrency)) && !staged)
        {
            problems.Add(Prefix(arguments, nameof(StressTestAttribute.Pacing)) + "Pacing needs Concurrency (how many workers each start an invocation every Pacing), e.g. [StressTest(Concurrency = 10, Pacing = \"100ms\")].");
        }

        if (!open && Has(nameof(StressTestAttribute.MaxConcurrency)))
        {
            problems.Add(Prefix(arguments, nameof(StressTestAttribute.MaxConcurrency)) + "MaxConcurrency applies to the open model (Rate); in the closed model Concurrency is the number in flight.");
        }

        if (!open && Has(nameof(StressTestAttribute.Arrivals)))
        {
            problems.Add(Prefix(arguments, nameof(StressTestAttribute.Arrivals)) + "Arrivals applies to the open model (Rate).");
        }
    }

    private static LoadModel ReadModel(IReadOnlyDictionary<string, object?> arguments, List<string> problems)
    {
        var hasRate = arguments.ContainsKey(nameof(StressTestAttribute.Rate));
        if (!arguments.TryGetValue(nameof(StressTestAttribute.Model), out var raw))
        {
            return hasRate ? LoadModel.Open : LoadModel.Closed;
        }

        var model = raw is int value && Enum.IsDefined((LoadModel)value) ? (LoadModel)value : (LoadModel?)null;
        if (model is null)
        {
            problems.Add($"[StressTest(Model = {Format(raw)})]: unknown load model; expected LoadModel.Closed or LoadModel.Open.");
            return hasRate ? LoadModel.Open : LoadModel.Closed;
        }

        if (model == LoadModel.Closed && hasRate)
        {
            problems.Add($"[StressTest(Model = LoadModel.Closed, Rate = {Format(arguments[nameof(StressTestAttribute.Rate)])})]: Rate is the open model's arrival rate; remove Model or Rate.");
        }

        return model.Value;
    }

    private static double ReadRate(IReadOnlyDictionary<string, object?> arguments, bool staged, List<string> problems)
    {
        if (!arguments.TryGetValue(nameof(StressTestAttribute.Rate), out var raw))
        {
            return 0;
        }

        var rate = raw is double value ? value : double.NaN;
        if (!double.IsFinite(rate) || rate <= 0 || rate > MaxRate)
        {
            problems.Add($"[StressTest(Rate = {Format(raw)})]: Rate must be a number of invocations per second greater than 0 and at most 1,000,000, e.g. Rate = 200.");
        }
        else if (staged)
        {
            problems.Add($"[StressTest(Rate = {Format(raw)})]: Rate and Stages exclude each other: with Model = LoadModel.Open the stages' targets are the rates; remove Rate.");
        }

        return rate;
    }

    private static List<Stage> ReadStages(IReadOnlyDictionary<string, object?> arguments, bool open, List<string> problems)
    {
        if (!arguments.TryGetValue(nameof(StressTestAttribute.Stages), out var raw))
        {
            return [];
        }

        var prefix = Prefix(arguments, nameof(StressTestAttribute.Stages));
        var parsed = StagesParser.Parse(raw as string);
        if (!parsed.IsSuccess)
        {
            problems.Add(prefix + parsed.Error);
            return [];
        }

        var stages = parsed.Value.ToList();
        var peak = stages.Max(s => s.Target);
        if (open && peak > MaxRate)
        {
            problems.Add(prefix + "a target rate is above 1,000,000 per second.");
        }
        else if (!open && (stages.Any(s => s.Target != Math.Floor(s.Target)) || peak > MaxWorkers))
        {
            problems.Add(prefix + "in the closed model the targets are numbers of workers: whole numbers from 0 to 10,000 (for rates, set Model = LoadModel.Open).");
        }
        else if (peak <= 0)
        {
            problems.Add(prefix + "every target is 0, so nothing would run; expected at least one stage with a target above 0.");
        }

        return stages;
    }

    private static Arrivals ReadArrivals(IReadOnlyDictionary<string, object?> arguments, List<string> problems)
    {
        if (!arguments.TryGetValue(nameof(StressTestAttribute.Arrivals), out var raw))
        {
            return Arrivals.Uniform;
        }

        if (raw is int value && Enum.IsDefined((Arrivals)value))
        {
            return (Arrivals)value;
        }

        problems.Add($"[StressTest(Arrivals = {Format(raw)})]: unknown arrival pattern; expected Arrivals.Uniform or Arrivals.Poisson.");
        return Arrivals.Uniform;
    }

    private static int ReadInt(IReadOnlyDictionary<string, object?> arguments, string property, int defaultValue, int max, string meaning, List<string> problems)
    {
        if (!arguments.TryGetValue(property, out var raw))
        {
            return defaultValue;
        }

        if (raw is int value && value >= 1 && value <= max)
        {
            return value;
        }

        problems.Add($"[StressTest({property} = {Format(raw)})]: {property} must be a whole number from 1 to {max.ToString("N0", CultureInfo.InvariantCulture)} ({meaning}).");
        return defaultValue;
    }

    private static TimeSpan ReadDuration(IReadOnlyDictionary<string, object?> arguments, string property, string defaultText, bool allowZero, List<string> problems)
    {
        if (!arguments.TryGetValue(property, out var raw))
        {
            raw = defaultText;
        }

        var text = raw as string;
        var parsed = DurationParser.Parse(text);
        if (!parsed.IsSuccess)
        {
            problems.Add($"[StressTest({property} = {Format(text)})]: {parsed.Error}");
            return TimeSpan.Zero;
        }

        if (!allowZero && parsed.Value <= TimeSpan.Zero)
        {
            problems.Add($"[StressTest({property} = {Format(text)})]: {property} must be greater than zero, e.g. \"30s\".");
        }
        else if (parsed.Value > MaxDuration)
        {
            problems.Add($"[StressTest({property} = {Format(text)})]: {property} must be at most 24h.");
        }

        return parsed.Value;
    }

    private static TimeSpan Scale(TimeSpan value, double scale)
    {
        var ticks = value.Ticks * scale;
        return ticks >= MaxDuration.Ticks ? MaxDuration : TimeSpan.FromTicks(Math.Max(value == TimeSpan.Zero ? 0 : 1, (long)ticks));
    }

    private static string Prefix(IReadOnlyDictionary<string, object?> arguments, params string[] properties) =>
        "[StressTest(" + string.Join(", ", properties.Select(p => $"{p} = {Format(p, arguments.GetValueOrDefault(p))}")) + ")]: ";

    /// <summary>Enum properties arrive from attribute data as their numbers; shown as the user wrote them.</summary>
    private static string Format(string property, object? value) => (property, value) switch
    {
        (nameof(StressTestAttribute.Arrivals), int number) when Enum.IsDefined((Arrivals)number) => "Arrivals." + (Arrivals)number,
        (nameof(StressTestAttribute.Model), int number) when Enum.IsDefined((LoadModel)number) => "LoadModel." + (LoadModel)number,
        _ => Format(value),
    };

    private static string Format(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
