// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Discovery;
using StressTest.Invocation;
using StressTest.Settings;
using StressTest.Thresholds;
using StressTest.Transport.Contracts;

namespace StressTest.Plan;

/// <summary>
/// Turns a declaration (attribute values as written) and the run's settings into a <see cref="StressPlan"/>,
/// or into every problem found at once, each naming the attribute, the bad value and what was expected.
/// </summary>
internal static class PlanBuilder
{
    public const int MaxConcurrency = 10_000;

    /// <summary>Upper bound on a scaled Duration or WarmUp: nothing in a test run should last longer.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

    public static ParseResult<StressPlan> Build(StressTestDeclaration declaration, StressSettings settings)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        if (declaration.Problem is { } problem)
        {
            problems.Add(problem);
        }

        var arguments = declaration.Arguments;

        var duration = ReadDuration(arguments, nameof(StressTestAttribute.Duration), "10s", allowZero: false, problems);
        var warmUp = ReadDuration(arguments, nameof(StressTestAttribute.WarmUp), "0s", allowZero: true, problems);
        var timeout = ReadDuration(arguments, nameof(StressTestAttribute.Timeout), "30s", allowZero: false, problems);
        var concurrency = ReadConcurrency(arguments, problems);

        var thresholds = new List<Threshold>();
        foreach (var expression in declaration.ThresholdExpressions)
        {
            var parsed = ThresholdParser.Parse(expression);
            if (parsed.IsSuccess)
            {
                thresholds.Add(parsed.Value);
            }
            else
            {
                problems.Add($"[Threshold]: {parsed.Error}");
            }
        }

        var binding = MethodBinding.Create(declaration.TestClass, declaration.Method);
        if (!binding.IsSuccess)
        {
            problems.Add(binding.Error);
        }

        var lifecycle = LifecycleMethods.Find(declaration.TestClass);
        if (!lifecycle.IsSuccess)
        {
            problems.Add(lifecycle.Error);
        }

        if (problems.Count > 0)
        {
            return ParseResult<StressPlan>.Failure(string.Join(Environment.NewLine, problems));
        }

        var load = new LoadProfile(
            Scale(warmUp, settings.DurationScale),
            Scale(duration, settings.DurationScale),
            concurrency,
            timeout,
            settings.ShutdownGrace);
        return ParseResult<StressPlan>.Success(new StressPlan(
            declaration.FullyQualifiedName,
            declaration.DisplayName,
            binding.Value!,
            lifecycle.Value!,
            load,
            thresholds,
            settings));
    }

    private static TimeSpan Scale(TimeSpan value, double scale)
    {
        var ticks = value.Ticks * scale;
        return ticks >= MaxDuration.Ticks ? MaxDuration : TimeSpan.FromTicks(Math.Max(value == TimeSpan.Zero ? 0 : 1, (long)ticks));
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
            problems.Add($"[StressTest({property} = {Quote(text)})]: {parsed.Error}");
            return TimeSpan.Zero;
        }

        if (!allowZero && parsed.Value <= TimeSpan.Zero)
        {
            problems.Add($"[StressTest({property} = {Quote(text)})]: {property} must be greater than zero, e.g. \"30s\".");
        }
        else if (parsed.Value > MaxDuration)
        {
            problems.Add($"[StressTest({property} = {Quote(text)})]: {property} must be at most 24h.");
        }

        return parsed.Value;
    }

    private static int ReadConcurrency(IReadOnlyDictionary<string, object?> arguments, List<string> problems)
    {
        if (!arguments.TryGetValue(nameof(StressTestAttribute.Concurrency), out var raw))
        {
            return 1;
        }

        if (raw is int value and >= 1 and <= MaxConcurrency)
        {
            return value;
        }

        problems.Add($"[StressTest(Concurrency = {raw})]: Concurrency must be a whole number from 1 to {MaxConcurrency.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} (the number of workers invoking the method back-to-back).");
        return 1;
    }

    private static string Quote(string? text) => text is null ? "null" : "\"" + text + "\"";
}
