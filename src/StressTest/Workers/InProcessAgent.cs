// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using System.Threading.Channels;
using StressTest.Monitoring.Generator;
using StressTest.Monitoring.Telemetry;
using StressTest.Plan;
using StressTest.Plan.Discovery;
using StressTest.Transport;
using StressTest.Transport.Contracts;
using StressTest.Workers.Binding;
using StressTest.Workers.Http;

namespace StressTest.Workers;

/// <summary>
/// Runs an assignment's workers as threads of this process and harvests their recorders once per interval
/// into one interval histogram per agent, which it sends up encoded exactly as a remote agent will.
/// </summary>
internal sealed class InProcessAgent : ILoadAgent
{
    private readonly TimeProvider _time;
    private readonly StressSetupContext? _local;

    /// <param name="time">The clock of the run.</param>
    /// <param name="local">The run's setup context in this process: what setup handed over (<c>Set</c>) and its HTTP
    /// configuration (<c>ConfigureHttp</c>) are objects, not messages, so they reach an in-process agent this way and
    /// never through the assignment.</param>
    public InProcessAgent(TimeProvider time, StressSetupContext? local = null)
    {
        _time = time;
        _local = local;
    }

    /// <summary>The agents a controller runs in this process: one per run, bound to that run's setup context.</summary>
    public static Func<StressSetupContext, ILoadAgent> For(TimeProvider time) => local => new InProcessAgent(time, local);

    /// <summary>Length of one telemetry interval.</summary>
    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(1);

    public async Task RunAsync(WorkAssignment assignment, ChannelWriter<TelemetryMessage> telemetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(telemetry);
        try
        {
            var binding = Resolve(assignment.Method);
            if (!binding.IsSuccess)
            {
                await telemetry.WriteAsync(new AgentFailed(binding.Error), CancellationToken.None).ConfigureAwait(false);
                return;
            }

            var http = HttpOptionsFor(assignment.Http);
            if (!http.IsSuccess)
            {
                await telemetry.WriteAsync(new AgentFailed(http.Error), CancellationToken.None).ConfigureAwait(false);
                return;
            }

            await RunWorkersAsync(assignment, binding.Value, http.Value, telemetry, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            telemetry.TryComplete();
        }
    }

    private async Task RunWorkersAsync(WorkAssignment assignment, MethodBinding binding, HttpOptions options, ChannelWriter<TelemetryMessage> telemetry, CancellationToken cancellationToken)
    {
        var load = assignment.Load;
        using var http = new StressHttpClient(options, load.Model == LoadModel.Open ? load.MaxConcurrency : assignment.WorkerCount);
        var executor = CreateExecutor(assignment, binding, http, cancellationToken, out var run);
        executor.Start();
        await run.AllReady.ConfigureAwait(false);
        if (run.StartFailed)
        {
            run.Stop();
            await run.AllExited.ConfigureAwait(false);
            executor.Complete();
            await telemetry.WriteAsync(new AgentFailed(string.Join(Environment.NewLine, run.Problems)), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var slots = executor.Slots;
        var interval = new IntervalAccumulator(load.IsScheduled);
        using (cancellationToken.Register(() => StopAndCancel(run, slots)))
        using (new TimeoutWatchdog(_time, slots, load.Timeout))
        {
            run.Start(_time.GetTimestamp());
            var health = HealthSampler.ForThisProcess(_time);
            var warmUp = run.AutoWarmUp ? await WarmUpAsync(run, executor, interval, health, telemetry, cancellationToken).ConfigureAwait(false) : null;
            var intervalStart = run.MeasureFrom;
            var index = 0;
            await WaitUntilAsync(run, run.MeasureFrom, cancellationToken).ConfigureAwait(false);
            health?.Restart();
            while (!run.IsStopping)
            {
                var tick = Math.Min(intervalStart + run.ToTicks(Interval), run.MeasureEnd);
                await WaitUntilAsync(run, tick, cancellationToken).ConfigureAwait(false);
                var now = _time.GetTimestamp();

                // The token, not only IsStopping: the delay's cancellation can resume this loop before the callback
                // that stops the run has set IsStopping, and every turn until then would send an empty interval.
                // A tick that fires just before the end (timers fire a few ms early) closes the window: the last
                // interval absorbs the remainder instead of leaving a sliver of a few ms in the series.
                if (run.IsStopping || cancellationToken.IsCancellationRequested || now >= run.MeasureEnd - (run.ToTicks(Interval) / 10))
                {
                    break;
                }

                await telemetry.WriteAsync(Take(executor, interval, run, index++, intervalStart, now, health), CancellationToken.None).ConfigureAwait(false);
                intervalStart = now;
            }

            // A run that was not stopped measures its whole window, even when the loop left a few ms before its end.
            var stoppedAt = run.IsStopping || cancellationToken.IsCancellationRequested
                ? Math.Min(run.StoppedEarlyAt ?? _time.GetTimestamp(), run.MeasureEnd)
                : run.MeasureEnd;

            // In-flight invocations finish (they started inside the window, so they count); hung ones are abandoned.
            await Task.WhenAny(executor.Drained, Task.Delay(load.ShutdownGrace, _time, CancellationToken.None)).ConfigureAwait(false);
            var stuck = slots.Count(s => s.IsInFlight);
            if (stuck > 0)
            {
                StopAndCancel(run, slots);
            }

            executor.Complete();
            if (stuck == 0)
            {
                // Every worker's [StressWorkerTeardown] has run before the controller's [StressTeardown] does.
                await run.AllExited.ConfigureAwait(false);
            }

            // The last interval reaches at least the window's end, even when an open schedule drained before it.
            var lastEnd = Math.Max(intervalStart, _time.GetTimestamp());
            if (stoppedAt == run.MeasureEnd)
            {
                lastEnd = Math.Max(lastEnd, run.MeasureEnd);
            }

            await telemetry.WriteAsync(Take(executor, interval, run, index, intervalStart, lastEnd, health), CancellationToken.None).ConfigureAwait(false);
            var measured = run.ToTimeSpan(Math.Max(0, stoppedAt - run.MeasureFrom));
            await telemetry.WriteAsync(
                new AgentCompleted(measured, stuck, cancellationToken.IsCancellationRequested, run.Problems)
                {
                    Notes = run.Notes,
                    AutoWarmUp = warmUp?.Length,
                    AutoWarmUpNote = warmUp?.Note,
                    AutoWarmUpSettled = warmUp?.Settled ?? true,
                },
                CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The automatic warm-up: the load runs unmeasured while <see cref="WarmUpRule"/> reads the JIT and the warm-up's
    /// completions every half second, until the generator is warm or the limit is reached; then the measured window
    /// starts. Ends early (with an empty window) when the run stops.
    /// </summary>
    /// <remarks>Every second it also rehearses the measured window's per-second work (harvest, encoding, health, and
    /// on the controller's side merging and the progress report) with a warm-up interval that never counts: without
    /// it, that code was compiled in the first measured seconds, and with the JIT's tier-up of everything else it
    /// had held back, cost them 400-600 ms of JIT and a dip in throughput.</remarks>
    private async Task<WarmUpOutcome> WarmUpAsync(LoadRun run, ILoadExecutor executor, IntervalAccumulator interval, HealthSampler? health, ChannelWriter<TelemetryMessage> telemetry, CancellationToken cancellationToken)
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
            await WaitUntilAsync(run, next, cancellationToken).ConfigureAwait(false);
            state = rule.Observe(WarmUpReading.Current(Completed()));
            if (next - second >= run.ToTicks(Interval))
            {
                executor.HarvestInto(interval);
                run.RehearsalDetails.HarvestInto(interval);
                var rehearsal = interval.Take(index++, run.ToTimeSpan(second - run.StartTimestamp), run.ToTimeSpan(next - run.StartTimestamp), run.TargetAt(next), executor.InFlight, health?.Sample());
                await telemetry.WriteAsync(rehearsal with { WarmUp = true }, CancellationToken.None).ConfigureAwait(false);
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
        await telemetry.WriteAsync(last with { WarmUp = true }, CancellationToken.None).ConfigureAwait(false);
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

    private ILoadExecutor CreateExecutor(WorkAssignment assignment, MethodBinding binding, StressHttpClient http, CancellationToken cancellationToken, out LoadRun run)
    {
        var threads = assignment.Load.Model == LoadModel.Open ? 1 : assignment.WorkerCount;
        run = new LoadRun(_time, assignment.RunId, assignment.Load, threads, http)
        {
            SlotCount = assignment.WorkerCount,
            Data = _local?.Data ?? new RunData(),
            Cancellation = cancellationToken,
            Telemetry = new RunTelemetry(assignment.RunId, assignment.Test, assignment.TraceSampleRate),
        };
        return assignment.Load.Model == LoadModel.Open
            ? new OpenModelExecutor(run, binding, assignment.FirstWorkerId)
            : new ClosedModelExecutor(run, binding, assignment.FirstWorkerId, assignment.WorkerCount);
    }

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

    private async Task WaitUntilAsync(LoadRun run, long timestamp, CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        if (timestamp <= now || cancellationToken.IsCancellationRequested)
        {
            return;
        }

        // WhenAny never throws: cancellation simply ends the wait.
        // Task.Delay counts whole milliseconds and truncates, so the wait is rounded up: woken early for the last
        // interval, the loop would find the window still open and spin, sending an empty interval each turn.
        // For the same reason an executor that drains before the window closes (an open schedule that is through,
        // a ramp down to 0) does not end the wait: woken then, the loop would cut the interval short at the drain
        // and, the task being complete, spin on every later wait. The window's intervals stay whole seconds.
        // A load stopped early from inside (a feeder out of data) ends the wait too, so the run ends when it stopped.
        var delay = Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(run.ToTimeSpan(timestamp - now).TotalMilliseconds)), _time, cancellationToken);
        await Task.WhenAny(delay, run.Stopped).ConfigureAwait(false);
    }

    /// <summary>The assignment's HTTP settings with this process's configuration from setup.</summary>
    private ParseResult<HttpOptions> HttpOptionsFor(HttpSettings settings)
    {
        var accepted = StatusCodeSet.Parse(settings.AcceptStatus);
        if (!accepted.IsSuccess)
        {
            return ParseResult<HttpOptions>.Failure($"The assignment's accepted status codes are invalid: {accepted.Error}");
        }

        if (settings.BaseAddress is { } text && !Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            return ParseResult<HttpOptions>.Failure($"The assignment's base address \"{text}\" is not an absolute URI.");
        }

        return ParseResult<HttpOptions>.Success(new(settings.BaseAddress is { } address ? new Uri(address) : null, settings.AllowedHosts)
        {
            AcceptStatus = accepted.Value,
            Configure = _local?.HttpConfiguration ?? [],
        });
    }

    private static ParseResult<MethodBinding> Resolve(TestMethodRef reference)
    {
        try
        {
            var assembly = Assembly.LoadFrom(reference.AssemblyPath);
            var type = assembly.GetType(reference.TypeName, throwOnError: true)!;
            var method = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
                .FirstOrDefault(m => m.Name == reference.MethodName
                    && m.GetCustomAttributesData().Any(a => a.AttributeType.FullName == StressTestScanner.StressTestAttributeName));
            return method is null
                ? ParseResult<MethodBinding>.Failure($"Method {reference.TypeName}.{reference.MethodName} with [StressTest] was not found in {reference.AssemblyPath}.")
                : MethodBinding.Create(type, method);
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or TypeLoadException)
        {
            return ParseResult<MethodBinding>.Failure($"Could not load {reference.TypeName} from {reference.AssemblyPath}: {ex.Message}");
        }
    }

    /// <summary>How an automatic warm-up went.</summary>
    private sealed record WarmUpOutcome(TimeSpan Length, string Note, bool Settled);
}
