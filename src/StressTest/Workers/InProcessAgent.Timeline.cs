// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Threading.Channels;
using StressTest.Errors;
using StressTest.Monitoring.Generator;
using StressTest.Transport.Contracts;
using StressTest.Workers.Http;

namespace StressTest.Workers;

/// <content>
/// One run from the workers' start to their end, on the agent's own thread (<see cref="AgentClock"/>): the workers get
/// ready (their <c>[StressWorkerSetup]</c>, bounded by LifecycleTimeout), the window is measured one interval a second,
/// the invocations still running drain for ShutdownGrace, are then cancelled and get a moment to return, and what was
/// measured is sent before the workers' teardown and Dispose run, which are bounded too.
/// </content>
internal sealed partial class InProcessAgent
{
    /// <summary>After the shutdown grace, cancelled invocations get this long (at most the grace itself) to return
    /// before the ones still running are counted as stuck: a method that honours its token returns at once.</summary>
    private static readonly TimeSpan CancelledGrace = TimeSpan.FromSeconds(1);

    private void RunTimeline(ILoadExecutor executor, LoadRun run, StressHttpClient http, ChannelWriter<TelemetryMessage> telemetry, CancellationToken cancellationToken)
    {
        var load = run.Load;
        using var clock = new AgentClock(_time, run);
        executor.Start();
        if (!WaitForLifecycle(clock, run.AllReady, run, run.CancelSetups))
        {
            run.ReportStartFailure(UserCodeText.Problem(Hung(run), new UserCodeResult(null, TimedOut: true, RunCancelled: false, Abandoned: true), load.LifecycleTimeout, load.ShutdownGrace)!);
            run.Stop(); // the workers still in their setup are left behind: nothing waits for them again
            telemetry.TryWrite(new AgentFailed(string.Join(Environment.NewLine, run.Problems)));
            return;
        }

        if (run.StartFailed)
        {
            run.Stop();
            TearDown(clock, executor, run);
            telemetry.TryWrite(new AgentFailed(string.Join(Environment.NewLine, run.Problems)));
            return;
        }

        var slots = executor.Slots;
        var interval = new IntervalAccumulator(load.IsScheduled);
        int stuck;
        TimeSpan measured;
        WarmUpOutcome? warmUp;
        using (cancellationToken.Register(() => StopAndCancel(run, slots)))
        using (new TimeoutWatchdog(_time, slots, load.Timeout))
        {
            run.Start(_time.GetTimestamp());
            var health = HealthSampler.ForThisProcess(_time);
            warmUp = run.AutoWarmUp ? WarmUp(clock, run, executor, interval, health, telemetry, cancellationToken) : null;
            var intervalStart = run.MeasureFrom;
            var index = 0;
            clock.WaitUntil(run.MeasureFrom, cancellationToken);
            health?.Restart();
            while (!run.IsStopping)
            {
                var tick = Math.Min(intervalStart + run.ToTicks(Interval), run.MeasureEnd);
                clock.WaitUntil(tick, cancellationToken);
                var now = _time.GetTimestamp();

                // The token, not only IsStopping: the cancellation can end the wait before the callback that stops the
                // run has set IsStopping, and every turn until then would send an empty interval. A tick that fires just
                // before the end (timers fire a few ms early) closes the window: the last interval absorbs the remainder
                // instead of leaving a sliver of a few ms in the series.
                if (run.IsStopping || cancellationToken.IsCancellationRequested || now >= run.MeasureEnd - (run.ToTicks(Interval) / 10))
                {
                    break;
                }

                telemetry.TryWrite(Take(executor, interval, run, index++, intervalStart, now, health));
                intervalStart = now;
            }

            // A run that was not stopped measures its whole window, even when the loop left a few ms before its end.
            var stoppedAt = run.IsStopping || cancellationToken.IsCancellationRequested
                ? Math.Min(run.StoppedEarlyAt ?? _time.GetTimestamp(), run.MeasureEnd)
                : run.MeasureEnd;

            // In-flight invocations finish (they started inside the window, so they count). Those still running after
            // the grace are cancelled: one that honours its token returns and is counted as cut off; one that does not
            // is abandoned as stuck.
            if (!clock.WaitFor(executor.Drained, load.ShutdownGrace))
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    run.CutOff();
                }

                StopAndCancel(run, slots);
                clock.WaitFor(executor.Drained, load.ShutdownGrace < CancelledGrace ? load.ShutdownGrace : CancelledGrace);
            }

            stuck = slots.Count(s => s.IsInFlight);

            // The last interval, before the workers' teardown and Dispose run: what was measured reaches the controller
            // (and the report on disk) even when they hang. It reaches at least the window's end, even when an open
            // schedule drained before it.
            var lastEnd = Math.Max(intervalStart, _time.GetTimestamp());
            if (stoppedAt == run.MeasureEnd)
            {
                lastEnd = Math.Max(lastEnd, run.MeasureEnd);
            }

            telemetry.TryWrite(Take(executor, interval, run, index, intervalStart, lastEnd, health));
            measured = run.ToTimeSpan(Math.Max(0, stoppedAt - run.MeasureFrom));
        }

        // A test that blocked pool threads has left work queued behind them: lend the pool threads so that teardown,
        // the controller and the reports do not wait for the runtime's slow injection (the verdict names the starvation).
        if (_time == TimeProvider.System)
        {
            ThreadPoolRelief.LendIfStarved();
        }

        // Every worker's [StressWorkerTeardown] has run (or was abandoned) before the controller's [StressTeardown] does.
        TearDown(clock, executor, run, stuck);
        telemetry.TryWrite(new AgentCompleted(measured, stuck, cancellationToken.IsCancellationRequested, run.Problems)
        {
            Notes = run.Notes,
            EndpointAliases = http.Names.Aliases(),
            AutoWarmUp = warmUp?.Length,
            AutoWarmUpNote = warmUp?.Note,
            AutoWarmUpSettled = warmUp?.Settled ?? true,
        });
    }

    /// <summary>The workers' teardown and Dispose, bounded: when they outlive LifecycleTimeout their token is
    /// cancelled, and what still runs after ShutdownGrace is named and left behind.</summary>
    private static void TearDown(AgentClock clock, ILoadExecutor executor, LoadRun run, int stuck = 0)
    {
        // The open model tears its slots down in Complete; the closed model's workers each on their own thread.
        var completed = Task.Factory.StartNew(executor.Complete, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var exited = stuck == 0 ? Task.WhenAll(completed, run.AllExited) : completed;
        if (!WaitForLifecycle(clock, exited, run, run.CancelTeardowns))
        {
            var hung = Hung(run);
            run.ReportProblem(UserCodeText.Problem(hung, new UserCodeResult(null, TimedOut: true, RunCancelled: false, Abandoned: true), run.Load.LifecycleTimeout, run.Load.ShutdownGrace)!);
        }
    }

    /// <summary>Waits LifecycleTimeout for <paramref name="task"/>, then cancels and waits ShutdownGrace more.</summary>
    /// <returns>False when it is still running: abandoned.</returns>
    private static bool WaitForLifecycle(AgentClock clock, Task task, LoadRun run, Action cancel)
    {
        if (clock.WaitForLifecycle(task, run.Load.LifecycleTimeout))
        {
            return true;
        }

        cancel();
        return clock.WaitForLifecycle(task, run.Load.ShutdownGrace);
    }

    /// <summary>What the workers still run of the user's code, for the message: <c>[StressWorkerSetup] Shop.Login (3 workers)</c>.</summary>
    private static string Hung(LoadRun run) => run.PhasesNow() is { Count: > 0 } phases
        ? string.Join(" and ", phases)
        : "The workers' lifecycle code";

    /// <summary>Collects the executor's sinks into one interval message, reusing the accumulator.</summary>
    private static IntervalTelemetry Take(ILoadExecutor executor, IntervalAccumulator interval, LoadRun run, int index, long start, long end, HealthSampler? health)
    {
        executor.HarvestInto(interval);
        run.Details.HarvestInto(interval);
        return interval.Take(index, run.ToTimeSpan(start - run.MeasureFrom), run.ToTimeSpan(end - run.MeasureFrom), run.TargetAt(Math.Min(end, run.MeasureEnd - 1)), executor.InFlight, health?.Sample());
    }

    private static void StopAndCancel(LoadRun run, IReadOnlyList<InvocationSlot> slots)
    {
        run.Stop();
        foreach (var slot in slots)
        {
            slot.Cancel();
        }
    }
}
