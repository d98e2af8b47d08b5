// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Benchmarks.Targets;

namespace StressTest.Benchmarks.LoadModels;

/// <summary>Command line of the memory benchmark:
/// <c>[--short 20] [--long 120] [--rate 10000] [--methods NoopAsync,Delay5Ms] [--repeat 1] [--wait-idle 0]</c>.</summary>
/// <param name="ShortSeconds">Duration of the short run.</param>
/// <param name="LongSeconds">Duration of the long run.</param>
/// <param name="Rate">Arrivals per second of both.</param>
/// <param name="Methods">The <see cref="OpenTargets"/> methods to run.</param>
/// <param name="Repeat">Pairs of runs per method; the ratio uses the medians.</param>
/// <param name="WaitIdleSeconds">Before each run, wait up to this long for the rest of the machine to be idle.</param>
internal sealed record MemoryOptions(double ShortSeconds, double LongSeconds, double Rate, IReadOnlyList<string> Methods, int Repeat, double WaitIdleSeconds)
{
    public static MemoryOptions? Parse(IReadOnlyList<string> args, TextWriter errors)
    {
        var options = new MemoryOptions(20, 120, 10_000, [nameof(OpenTargets.NoopAsync), nameof(OpenTargets.Delay5Ms)], 1, 0);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--short" when TryPositive(value, out var seconds):
                    options = options with { ShortSeconds = seconds };
                    break;
                case "--long" when TryPositive(value, out var seconds):
                    options = options with { LongSeconds = seconds };
                    break;
                case "--rate" when TryPositive(value, out var rate):
                    options = options with { Rate = rate };
                    break;
                case "--methods" when value is not null && value.Split(',') is var names && names.All(OpenModelRun.Declarations.ContainsKey):
                    options = options with { Methods = names };
                    break;
                case "--repeat" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var repeat) && repeat >= 1:
                    options = options with { Repeat = repeat };
                    break;
                case "--wait-idle" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var wait) && wait >= 0:
                    options = options with { WaitIdleSeconds = wait };
                    break;
                default:
                    errors.WriteLine($"memory: unknown option or bad value: {args[i]} {value}");
                    return null;
            }

            i++;
        }

        return options;
    }

    private static bool TryPositive(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0;
}
