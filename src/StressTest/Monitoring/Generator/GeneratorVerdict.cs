// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Transport.Contracts;

namespace StressTest.Monitoring.Generator;

/// <summary>A stretch of the measured window in which the generator was saturated, with the reasons seen in it.</summary>
/// <param name="FromSeconds">Start, seconds into the measured window.</param>
/// <param name="ToSeconds">End.</param>
/// <param name="SaturatedSeconds">Seconds in the stretch that were saturated (a single calm second may lie between).</param>
/// <param name="Reasons">The rules that held, each with its value as first seen in the stretch.</param>
internal sealed record SaturationWindow(double FromSeconds, double ToSeconds, int SaturatedSeconds, IReadOnlyList<string> Reasons);

/// <summary>
/// Whether the load generator limited the run, judged second by second with <see cref="SaturationRules"/>.
/// Saturated seconds form windows (a single calm second between two saturated ones does not split them); a window
/// needs at least two saturated seconds to count, so the JIT's first second or one GC does not cry wolf.
/// </summary>
internal sealed record GeneratorVerdict(IReadOnlyList<SaturationWindow> Windows, int SaturatedSeconds, bool Sampled)
{
    public const int MinSaturatedSeconds = 2;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    public static GeneratorVerdict NotSampled { get; } = new([], 0, false);

    public bool Saturated => Windows.Count > 0;

    /// <summary>The warning a saturated run carries, null otherwise: <c>the load generator was saturated from 12 s to
    /// 40 s (CPU 2 of 2 cores): numbers in that window describe the generator, not the API</c>.</summary>
    public string? Warning => Saturated
        ? "Warning: the load generator was saturated " + string.Join(" and ", Windows.Select(w => string.Create(Invariant, $"from {w.FromSeconds:0.#} s to {w.ToSeconds:0.#} s ({string.Join(", ", w.Reasons)})")))
            + (Windows.Count == 1 ? ": numbers in that window describe the generator, not the API." : ": numbers in those windows describe the generator, not the API.")
        : null;

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
            var reasons = second.Health is { } health
                ? SaturationRules.Reasons(health, previous, second.EndSeconds - second.StartSeconds, cores)
                : [];
            previous = second.Health ?? previous;
            if (reasons.Count == 0)
            {
                continue;
            }

            saturatedSeconds++;
            if (open is null || i - open.Last > 2)
            {
                Close(open);
                open = new Stretch(i);
            }

            open.Add(i, reasons);
        }

        Close(open);
        return new GeneratorVerdict(windows, saturatedSeconds, true);

        void Close(Stretch? stretch)
        {
            if (stretch is { Count: >= MinSaturatedSeconds })
            {
                windows.Add(new SaturationWindow(series[stretch.First].StartSeconds, series[stretch.Last].EndSeconds, stretch.Count, stretch.Reasons));
            }
        }
    }

    /// <summary>Saturated seconds at most one calm second apart, and one reason per rule as first seen.</summary>
    private sealed class Stretch(int first)
    {
        public int First { get; } = first;

        public int Last { get; private set; } = first;

        public int Count { get; private set; }

        public List<string> Reasons { get; } = [];

        public void Add(int index, IReadOnlyList<string> reasons)
        {
            Last = index;
            Count++;
            foreach (var reason in reasons)
            {
                // A rule is the reason's text up to its first digit ("CPU ", "start lateness p", "GC paused ").
                var rule = reason[..reason.AsSpan().IndexOfAny(Digits)];
                if (!Reasons.Any(r => r.StartsWith(rule, StringComparison.Ordinal)))
                {
                    Reasons.Add(reason);
                }
            }
        }
    }
}
