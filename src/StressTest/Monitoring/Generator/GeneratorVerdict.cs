// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Transport.Contracts;

namespace StressTest.Monitoring.Generator;

/// <summary>Who limited a window of the run: the generator itself, or the machine it shares.</summary>
internal enum SaturationCause
{
    /// <summary>The generator was short of CPU, threads or warmth (its JIT still compiling), or late on its own.</summary>
    Generator,

    /// <summary>The generator was late while other processes kept the machine busy.</summary>
    Machine,
}

/// <summary>A stretch of the measured window in which the generator was saturated, with the reasons seen in it.</summary>
/// <param name="FromSeconds">Start, seconds into the measured window.</param>
/// <param name="ToSeconds">End.</param>
/// <param name="SaturatedSeconds">Seconds in the stretch that were saturated (a single calm second may lie between).</param>
/// <param name="Reasons">The rules that held, each with its value as first seen in the stretch.</param>
internal sealed record SaturationWindow(double FromSeconds, double ToSeconds, int SaturatedSeconds, IReadOnlyList<string> Reasons)
{
    /// <summary>Whom the window is blamed on.</summary>
    public SaturationCause Cause { get; init; } = SaturationCause.Generator;

    /// <summary>The highest start lateness p99 of a second in the window, ms: what latency from the intended start
    /// includes of the generator's own lateness; null without a schedule.</summary>
    public double? MaxLatenessP99Ms { get; init; }
}

/// <summary>
/// Whether the load generator limited the run, judged second by second with <see cref="SaturationRules"/>,
/// <see cref="WarmingRule"/> and <see cref="ContentionRule"/>, and whom to blame: the generator itself (short of CPU,
/// threads or warmth) or the machine (late while other processes kept it busy). Saturated seconds of one cause form
/// windows (a single calm second between two saturated ones does not split them); a window needs at least two
/// saturated seconds to count, so one GC or one late wake-up does not cry wolf. A run in which no window formed kept
/// up: when it fails on its numbers, <see cref="KeptUpNote"/> says they are the API's.
/// </summary>
internal sealed record GeneratorVerdict(IReadOnlyList<SaturationWindow> Windows, int SaturatedSeconds, bool Sampled)
{
    public const int MinSaturatedSeconds = 2;

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    public static GeneratorVerdict NotSampled { get; } = new([], 0, false);

    public bool Saturated => Windows.Count > 0;

    /// <summary>The warning a saturated run carries, null otherwise: who limited which window, why, and what that does
    /// to the numbers (<see cref="VerdictText"/>).</summary>
    public string? Warning => Saturated ? VerdictText.Warning(Windows) : null;

    /// <summary>When no window formed: how idle the generator stayed (<c>The load generator kept up throughout (CPU at
    /// most 0.3 of 2 cores, start lateness p99 at most 0.4 ms, no JIT warming): these numbers describe the API.</c>);
    /// null when saturated or not sampled.</summary>
    public string? KeptUpNote { get; init; }

    public static GeneratorVerdict Judge(IReadOnlyList<HealthSecond> series, int cores)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!series.Any(s => s.Health is not null))
        {
            return NotSampled;
        }

        var windows = new List<SaturationWindow>();
        var saturatedSeconds = 0;
        Stretch? open = null;
        GeneratorHealth? previous = null;
        for (var i = 0; i < series.Count; i++)
        {
            var second = series[i];
            var (cause, reasons) = second.Health is { } health
                ? Classify(health, previous, second.EndSeconds - second.StartSeconds, cores)
                : (SaturationCause.Generator, []);
            previous = second.Health ?? previous;
            if (reasons.Count == 0)
            {
                continue;
            }

            saturatedSeconds++;
            if (open is null || i - open.Last > 2 || open.Cause != cause)
            {
                Close(open);
                open = new Stretch(i, cause);
            }

            open.Add(i, reasons, second.Health!.LatenessP99Ms);
        }

        Close(open);
        var keptUp = windows.Count == 0 ? VerdictText.KeptUp(series, cores) : null;
        return new GeneratorVerdict(windows, saturatedSeconds, true) { KeptUpNote = keptUp };

        void Close(Stretch? stretch)
        {
            if (stretch is { Count: >= MinSaturatedSeconds })
            {
                windows.Add(new SaturationWindow(series[stretch.First].StartSeconds, series[stretch.Last].EndSeconds, stretch.Count, stretch.Reasons)
                {
                    Cause = stretch.Cause,
                    MaxLatenessP99Ms = stretch.MaxLateness,
                });
            }
        }
    }

    /// <summary>The reasons a second was saturated and whom they blame. Start lateness alone is a symptom: it is the
    /// generator's when nothing else explains it, the machine's when other processes kept every core busy.</summary>
    private static (SaturationCause Cause, IReadOnlyList<string> Reasons) Classify(GeneratorHealth health, GeneratorHealth? previous, double seconds, int cores)
    {
        var reasons = SaturationRules.Reasons(health, previous, seconds, cores).ToList();
        if (WarmingRule.Reason(health, seconds) is { } warming)
        {
            reasons.Add(warming);
        }

        var lateOnly = reasons.Count > 0 && reasons.All(VerdictText.IsLateness);
        if (lateOnly && ContentionRule.Reason(health, cores) is { } contention)
        {
            return (SaturationCause.Machine, [contention, .. reasons]);
        }

        return (SaturationCause.Generator, reasons);
    }

    /// <summary>Saturated seconds of one cause at most one calm second apart, and one reason per rule as first seen.</summary>
    private sealed class Stretch(int first, SaturationCause cause)
    {
        public int First { get; } = first;

        public SaturationCause Cause { get; } = cause;

        public int Last { get; private set; } = first;

        public int Count { get; private set; }

        public double? MaxLateness { get; private set; }

        public List<string> Reasons { get; } = [];

        public void Add(int index, IReadOnlyList<string> reasons, double? lateness)
        {
            Last = index;
            Count++;
            if (lateness is { } late && late > SaturationRules.LatenessP99Ms)
            {
                MaxLateness = Math.Max(MaxLateness ?? 0, late);
            }

            foreach (var reason in reasons)
            {
                // A rule is the reason's text up to its first digit ("CPU ", "start lateness p", "GC paused ").
                var digit = reason.AsSpan().IndexOfAny(Digits);
                var rule = digit < 0 ? reason : reason[..digit];
                if (!Reasons.Any(r => r.StartsWith(rule, StringComparison.Ordinal)))
                {
                    Reasons.Add(reason);
                }
            }
        }
    }
}
