// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace StressTest.Benchmarks.Engine;

/// <summary>Command line of the engine and open-model benchmarks: <c>[--seconds 5] [--warmup 1] [--repeat 3] [--wait-idle 0]</c>
/// (the open-model benchmark measures 10 s by default).</summary>
/// <param name="Seconds">Measured Duration of each run.</param>
/// <param name="WarmUpSeconds">WarmUp of each run: lets tiered JIT and on-stack replacement finish before measuring.</param>
/// <param name="Repeat">Runs per case; the table shows the median.</param>
/// <param name="WaitIdleSeconds">Before each run, wait up to this long for the rest of the machine to fall below
/// <see cref="BenchmarkKit.IdleOtherCores"/>, and run again (up to 3 times) a run that other processes disturbed anyway; 0 does
/// neither. On a shared machine a concurrent build halves a Concurrency 2 run.</param>
internal sealed record EngineOptions(double Seconds, double WarmUpSeconds, int Repeat, double WaitIdleSeconds)
{
    public static EngineOptions? Parse(IReadOnlyList<string> args, TextWriter errors, string command = "engine", double seconds = 5)
    {
        var options = new EngineOptions(seconds, 1, 3, 0);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--seconds" when TryPositive(value, out var measured):
                    options = options with { Seconds = measured };
                    break;
                case "--warmup" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var warmUp) && warmUp >= 0:
                    options = options with { WarmUpSeconds = warmUp };
                    break;
                case "--repeat" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var repeat) && repeat >= 1:
                    options = options with { Repeat = repeat };
                    break;
                case "--wait-idle" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var wait) && wait >= 0:
                    options = options with { WaitIdleSeconds = wait };
                    break;
                default:
                    errors.WriteLine($"{command}: unknown option or bad value: {args[i]} {value}");
                    return null;
            }

            i++;
        }

        return options;
    }

    private static bool TryPositive(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0;
}
