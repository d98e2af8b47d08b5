// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Threading.Channels;
using StressTest.Monitoring.Generator;
using StressTest.Transport.Contracts;

namespace StressTest.Workers;

/// <content>The automatic warm-up, on the agent's own thread like the rest of the timeline.</content>
internal sealed partial class InProcessAgent
{
    /// <summary>
    /// The automatic warm-up: the load runs unmeasured while <see cref="WarmUpRule"/> reads the JIT and the warm-up's
    /// completions every half second, until the generator is warm or the limit is reached; then the measured window
    /// starts. Ends early (with an empty window) when the run stops.
    /// </summary>
    /// <remarks>Every second it also rehearses the measured window's per-second work (harvest, encoding, health, and
    /// on the controller's side merging and the progress report) with a warm-up interval that never counts: without
    /// it, that code was compiled in the first measured seconds, and with the JIT's tier-up of everything else it
    /// had held back, cost them 400-600 ms of JIT and a dip in throughput.</remarks>
    private WarmUpOutcome WarmUp(AgentClock clock, LoadRun run, ILoadExecutor executor, IntervalAccumulator interval, HealthSampler? health, ChannelWriter<TelemetryMessage> telemetry, CancellationToken cancellationToken)
    {
        var slots = executor.Slots;
        var rule = new WarmUpRule(_time, run.WarmUpLength, WarmUpReading.Current(Completed()));
        var state = WarmUpState.Warming;
        var next = run.StartTimestamp;
        var second = run.StartTimestamp;
        var index = 0;
        while (state == WarmUpState.Warming && !run.IsStopping && !cancellationToken.IsCancellationRequested)
        {
            next += run.ToTicks(WarmUpRule.Step);
            clock.WaitUntil(next, cancellationToken);
            state = rule.Observe(WarmUpReading.Current(Completed()));
            if (next - second >= run.ToTicks(Interval))
            {
                executor.HarvestInto(interval);
                run.RehearsalDetails.HarvestInto(interval);
                var rehearsal = interval.Take(index++, run.ToTimeSpan(second - run.StartTimestamp), run.ToTimeSpan(next - run.StartTimestamp), run.TargetAt(next), executor.InFlight, health?.Sample());
                telemetry.TryWrite(rehearsal with { WarmUp = true });
                second = next;
            }
        }

        // The warm-up's last values leave the sinks before the measured window opens: no measured value can be in them
        // yet, and once the rehearsal is over no warm-up value enters them any more.
        run.EndRehearsal();
        executor.HarvestInto(interval);
        run.RehearsalDetails.HarvestInto(interval);
        var last = interval.Take(index, run.ToTimeSpan(second - run.StartTimestamp), run.ToTimeSpan(_time.GetTimestamp() - run.StartTimestamp), run.TargetAt(next), executor.InFlight);
        run.EndWarmUp(_time.GetTimestamp());
        telemetry.TryWrite(last with { WarmUp = true });
        return new WarmUpOutcome(rule.Length, rule.Describe(state), state == WarmUpState.Warm);

        long Completed()
        {
            long sum = 0;
            foreach (var slot in slots)
            {
                sum += slot.WarmUpCompleted;
            }

            return sum;
        }
    }
}
