// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Load;

namespace StressTest.Plan.Rules;

/// <summary>
/// The load part of <c>[StressTest]</c> (Duration, WarmUp, Timeout, Concurrency, Rate, MaxConcurrency, Arrivals,
/// Pacing, Stages, Model) read from its named arguments, each value checked, and every combination that makes no
/// sense (Rate with Concurrency, Stages with Duration, Pacing in the open model…) reported. Only properties the user
/// actually set count for the combinations: attribute data tells set from default.
/// </summary>
/// <remarks>
/// The settings (DurationScale, RateScale, the seed) are not applied here: this is what the attribute says, the same
/// for the runtime (which turns it into a LoadProfile) and the analyzer (which reports the problems while typing).
/// </remarks>
internal sealed record LoadArguments(TimeSpan WarmUp, TimeSpan Duration, TimeSpan Timeout)
{
    /// <summary>Closed-model workers: each is a dedicated thread with its own recorders (about 0.4 MB), so 1,000
    /// workers cost about 0.5 GB and, on 2 cores, several seconds to start and stop; more in flight is the open model's
    /// job (<c>Rate</c> + <c>MaxConcurrency</c>: thousands of async invocations without a thread each).</summary>
    public const int MaxWorkers = 1_000;

    /// <summary>What a closed-model load above <see cref="MaxWorkers"/> is told to do instead.</summary>
    public const string TooManyWorkersHint = "each worker is a dedicated thread; for more invocations in flight use the open model (Rate with MaxConcurrency up to 100,000)";
    public const int MaxInFlight = 100_000;
    public const double MaxRate = 1_000_000;

    /// <summary>Upper bound on a Duration, WarmUp, Timeout or Pacing: nothing in a test run should last longer.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

    /// <summary>The WarmUp text that asks for the automatic warm-up explicitly (also the attribute's default).</summary>
    public const string AutoWarmUpText = "auto";

    /// <summary>True when WarmUp was not written (or written as <see cref="AutoWarmUpText"/>): the load warms the
    /// generator until it is warm; <see cref="WarmUp"/> is then zero and the runtime applies its own limit.</summary>
    public bool AutoWarmUp { get; init; }

    /// <summary>True for the open model (Rate, or Model = LoadModel.Open).</summary>
    public bool Open { get; init; }

    /// <summary>Closed model: workers (the largest stage target when staged).</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Open model: arrivals per second; 0 when not set.</summary>
    public double Rate { get; init; }

    /// <summary>Open model: invocations allowed in flight.</summary>
    public int MaxConcurrency { get; init; } = 1000;

    /// <summary>The <c>Arrivals</c> member by value (<see cref="ArgumentNames.ArrivalPatterns"/>).</summary>
    public int Arrivals { get; init; }

    /// <summary>Closed model: the pacing; zero when not set.</summary>
    public TimeSpan Pacing { get; init; }

    /// <summary>The stages as written (not scaled); empty for a constant load.</summary>
    public IReadOnlyList<Stage> Stages { get; init; } = [];

    /// <summary>Reads the load from <paramref name="arguments"/> (the named arguments the user set, enums as their
    /// numbers), adding every problem to <paramref name="problems"/>.</summary>
    public static LoadArguments Read(IReadOnlyDictionary<string, object?> arguments, List<PlanProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(problems);
        var reader = new Reader(arguments, problems);
        bool Has(string name) => arguments.ContainsKey(name);

        // WarmUp not written: the warm-up is automatic (until the generator is warm); "0s" turns it off, any other
        // value is honoured as written.
        var autoWarmUp = !Has(ArgumentNames.WarmUp)
            || (arguments[ArgumentNames.WarmUp] is string written && written.Trim().Equals(AutoWarmUpText, StringComparison.OrdinalIgnoreCase));
        var warmUp = autoWarmUp ? TimeSpan.Zero : reader.Duration(ArgumentNames.WarmUp, "0s", allowZero: true);
        var timeout = reader.Duration(ArgumentNames.Timeout, "30s", allowZero: false);
        var open = reader.Model();

        var stages = reader.Stages(open);
        var duration = stages.Count > 0
            ? TimeSpan.FromTicks(stages.Sum(s => s.Duration.Ticks))
            : reader.Duration(ArgumentNames.Duration, "10s", allowZero: false);
        if (stages.Count > 0 && Has(ArgumentNames.Duration))
        {
            reader.Add(ProblemKind.Combination, [ArgumentNames.Duration, ArgumentNames.Stages], "Duration and Stages exclude each other: the stages' durations add up to the run's length; remove Duration.");
        }

        var concurrency = reader.Int(ArgumentNames.Concurrency, 1, MaxWorkers, "the number of workers invoking the method back-to-back; " + TooManyWorkersHint);
        var rate = reader.Rate(stages.Count > 0);
        var maxConcurrency = reader.Int(ArgumentNames.MaxConcurrency, 1000, MaxInFlight, "the number of invocations allowed in flight");
        var pacing = Has(ArgumentNames.Pacing) ? reader.Duration(ArgumentNames.Pacing, "0s", allowZero: false) : TimeSpan.Zero;

        CheckModelCombinations(reader, arguments, open, stages.Count > 0);
        if (stages.Count > 0 && !open)
        {
            concurrency = (int)Math.Ceiling(stages.Max(s => s.Target));
        }

        return new LoadArguments(warmUp, duration, timeout)
        {
            AutoWarmUp = autoWarmUp,
            Open = open,
            Concurrency = concurrency,
            Rate = rate,
            MaxConcurrency = maxConcurrency,
            Arrivals = reader.Arrivals(),
            Pacing = pacing,
            Stages = stages,
        };
    }

    private static void CheckModelCombinations(Reader reader, IReadOnlyDictionary<string, object?> arguments, bool open, bool staged)
    {
        bool Has(string name) => arguments.ContainsKey(name);
        const ProblemKind Combination = ProblemKind.Combination;
        if (Has(ArgumentNames.Rate) && Has(ArgumentNames.Concurrency))
        {
            reader.Add(Combination, [ArgumentNames.Rate, ArgumentNames.Concurrency], "Rate (open model: arrivals per second) and Concurrency (closed model: workers) exclude each other; keep one. To cap invocations in flight in the open model, use MaxConcurrency.");
        }
        else if (open && Has(ArgumentNames.Concurrency))
        {
            reader.Add(Combination, [ArgumentNames.Concurrency], "Concurrency is the closed model's worker count and does not apply with Model = LoadModel.Open; use MaxConcurrency to cap invocations in flight.");
        }

        if (open && !staged && !Has(ArgumentNames.Rate))
        {
            reader.Add(Combination, [ArgumentNames.Model], "the open model needs Rate (arrivals per second) or Stages (ramping rates).");
        }

        if (staged && Has(ArgumentNames.Concurrency))
        {
            reader.Add(Combination, [ArgumentNames.Concurrency, ArgumentNames.Stages], "Concurrency and Stages exclude each other: the stages' targets are the workers; remove Concurrency.");
        }

        if (open && Has(ArgumentNames.Pacing))
        {
            reader.Add(Combination, [ArgumentNames.Pacing], "Pacing applies to the closed model (Concurrency); the open model already starts invocations on a schedule (Rate).");
        }
        else if (Has(ArgumentNames.Pacing) && !Has(ArgumentNames.Concurrency) && !staged)
        {
            reader.Add(Combination, [ArgumentNames.Pacing], "Pacing needs Concurrency (how many workers each start an invocation every Pacing), e.g. [StressTest(Concurrency = 10, Pacing = \"100ms\")].");
        }

        if (!open && Has(ArgumentNames.MaxConcurrency))
        {
            reader.Add(Combination, [ArgumentNames.MaxConcurrency], "MaxConcurrency applies to the open model (Rate); in the closed model Concurrency is the number in flight.");
        }

        if (!open && Has(ArgumentNames.Arrivals))
        {
            reader.Add(Combination, [ArgumentNames.Arrivals], "Arrivals applies to the open model (Rate).");
        }
    }

    /// <summary>Reads single values, each problem prefixed with the attribute as written
    /// (<c>[StressTest(Rate = 100, Concurrency = 4)]: </c>).</summary>
    private sealed class Reader(IReadOnlyDictionary<string, object?> arguments, List<PlanProblem> problems)
    {
        public void Add(ProblemKind kind, string[] properties, string text) =>
            problems.Add(new PlanProblem(kind, ArgumentText.Prefix(arguments, properties) + text) { Properties = properties });

        /// <summary>True for the open model; an unknown Model is reported and the model follows Rate.</summary>
        public bool Model()
        {
            var hasRate = arguments.ContainsKey(ArgumentNames.Rate);
            if (!arguments.TryGetValue(ArgumentNames.Model, out var raw))
            {
                return hasRate;
            }

            if (ArgumentText.Member(ArgumentNames.LoadModels, raw) is not { } model)
            {
                Add(ProblemKind.Number, [ArgumentNames.Model], "unknown load model; expected LoadModel.Closed or LoadModel.Open.");
                return hasRate;
            }

            var open = model == 1;
            if (!open && hasRate)
            {
                Add(ProblemKind.Combination, [ArgumentNames.Model, ArgumentNames.Rate], "Rate is the open model's arrival rate; remove Model or Rate.");
            }

            return open;
        }

        public double Rate(bool staged)
        {
            if (!arguments.TryGetValue(ArgumentNames.Rate, out var raw))
            {
                return 0;
            }

            var rate = raw is double value ? value : double.NaN;
            if (!double.IsFinite(rate) || rate <= 0 || rate > MaxRate)
            {
                Add(ProblemKind.Number, [ArgumentNames.Rate], "Rate must be a number of invocations per second greater than 0 and at most 1,000,000, e.g. Rate = 200.");
            }
            else if (staged)
            {
                Add(ProblemKind.Combination, [ArgumentNames.Rate], "Rate and Stages exclude each other: with Model = LoadModel.Open the stages' targets are the rates; remove Rate.");
            }

            return rate;
        }

        public List<Stage> Stages(bool open)
        {
            if (!arguments.TryGetValue(ArgumentNames.Stages, out var raw))
            {
                return [];
            }

            var parsed = StagesParser.Parse(raw as string);
            if (!parsed.IsSuccess)
            {
                Add(ProblemKind.Stages, [ArgumentNames.Stages], parsed.Error);
                return [];
            }

            var stages = parsed.Value.ToList();
            var peak = stages.Max(s => s.Target);
            if (open && peak > MaxRate)
            {
                Add(ProblemKind.Stages, [ArgumentNames.Stages], "a target rate is above 1,000,000 per second.");
            }
            else if (!open && (stages.Any(s => s.Target != Math.Floor(s.Target)) || peak > MaxWorkers))
            {
                Add(ProblemKind.Stages, [ArgumentNames.Stages], "in the closed model the targets are numbers of workers: whole numbers from 0 to 1,000 (" + TooManyWorkersHint + "; for rates, set Model = LoadModel.Open).");
            }
            else if (peak <= 0)
            {
                Add(ProblemKind.Stages, [ArgumentNames.Stages], "every target is 0, so nothing would run; expected at least one stage with a target above 0.");
            }

            return stages;
        }

        public int Arrivals()
        {
            if (!arguments.TryGetValue(ArgumentNames.Arrivals, out var raw))
            {
                return 0;
            }

            if (ArgumentText.Member(ArgumentNames.ArrivalPatterns, raw) is { } arrivals)
            {
                return arrivals;
            }

            Add(ProblemKind.Number, [ArgumentNames.Arrivals], "unknown arrival pattern; expected Arrivals.Uniform or Arrivals.Poisson.");
            return 0;
        }

        public int Int(string property, int defaultValue, int max, string meaning)
        {
            if (!arguments.TryGetValue(property, out var raw))
            {
                return defaultValue;
            }

            if (raw is int value && value >= 1 && value <= max)
            {
                return value;
            }

            Add(ProblemKind.Number, [property], $"{property} must be a whole number from 1 to {max.ToString("N0", CultureInfo.InvariantCulture)} ({meaning}).");
            return defaultValue;
        }

        public TimeSpan Duration(string property, string defaultText, bool allowZero)
        {
            var text = arguments.TryGetValue(property, out var raw) ? raw as string : defaultText;
            var parsed = DurationParser.Parse(text, MaxDuration);
            var prefix = $"[StressTest({property} = {ArgumentText.Format(text)})]: ";
            string[] properties = [property];
            if (!parsed.IsSuccess)
            {
                problems.Add(new PlanProblem(ProblemKind.Duration, prefix + parsed.Error) { Properties = properties });
                return TimeSpan.Zero;
            }

            if (!allowZero && parsed.Value <= TimeSpan.Zero)
            {
                problems.Add(new PlanProblem(ProblemKind.Duration, $"{prefix}{property} must be greater than zero, e.g. \"30s\".") { Properties = properties });
            }
            else if (parsed.Value > MaxDuration)
            {
                problems.Add(new PlanProblem(ProblemKind.Duration, prefix + DurationParser.TooLongMessage(text!, MaxDuration)) { Properties = properties });
            }

            return parsed.Value;
        }
    }
}
