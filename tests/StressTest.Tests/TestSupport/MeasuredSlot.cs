// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using StressTest.Load;
using StressTest.Transport.Contracts;
using StressTest.Workers;
using StressTest.Workers.Http;

namespace StressTest.Tests.TestSupport;

/// <summary>
/// One slot of a run that has started (no warm-up) on a fake clock, without workers: the test runs invocations in it
/// one at a time, measured or as if in warm-up, and harvests what they recorded (latency, errors, steps, endpoints,
/// checks) the way the agent does at an interval's end.
/// </summary>
internal sealed class MeasuredSlot : IDisposable
{
    /// <summary>A loopback base address: the host guard lets it through, and a stubbed client never connects to it.</summary>
    public static readonly Uri BaseAddress = new("http://127.0.0.1:5080/");

    private long _iteration;

    /// <param name="http">The run's HTTP, or null for a run without HTTP configuration.</param>
    public MeasuredSlot(HttpOptions? http = null)
    {
        Http = http is null ? null : new StressHttpClient(http, connections: 1);
        Run = new LoadRun(Clock, "run", new LoadProfile(TimeSpan.Zero, TimeSpan.FromSeconds(10), 1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)), workerCount: 1, Http);
        Slot = new InvocationSlot(0, Run, Sink);
        Run.Start(Clock.GetTimestamp());
    }

    public TestClock Clock { get; } = new();

    public StressHttpClient? Http { get; }

    public LoadRun Run { get; }

    public MeasurementSink Sink { get; } = new(concurrentWriters: false, scheduled: false);

    public InvocationSlot Slot { get; }

    /// <summary>HTTP options whose default client sends to <paramref name="primary"/> instead of a socket, at
    /// <see cref="BaseAddress"/>; <paramref name="configure"/> runs after, as <c>ConfigureHttp</c> would.</summary>
    public static HttpOptions Stubbed(HttpMessageHandler primary, params Action<IHttpClientBuilder>[] configure) =>
        new(BaseAddress, []) { Configure = [b => b.ConfigurePrimaryHttpMessageHandler(() => primary), .. configure] };

    /// <summary>Runs one invocation of <paramref name="body"/> to its end on the calling thread; with
    /// <paramref name="measured"/> false it is scheduled before the measured window, as in warm-up.</summary>
    public void Invoke(Action<StressContext> body, bool measured = true)
    {
        Slot.Invoke = (context, _) =>
        {
            body(context);
            return ValueTask.CompletedTask;
        };
        Slot.RunBlocking(Intended(measured), _iteration++);
    }

    /// <summary>Runs one asynchronous invocation to its end on a pool thread, as a closed-model worker would.</summary>
    public Task InvokeAsync(Func<StressContext, Task> body, bool measured = true)
    {
        Slot.Invoke = (context, _) => new ValueTask(body(context));
        var intended = Intended(measured);
        var iteration = _iteration++;
        return Task.Run(() => Slot.RunBlocking(intended, iteration)).WaitAsync(TestClock.Guard);
    }

    /// <summary>Everything recorded since the last harvest, as the interval message the controller receives.</summary>
    public IntervalTelemetry Harvest()
    {
        var accumulator = new IntervalAccumulator(scheduled: false);
        Sink.HarvestInto(accumulator);
        Run.Details.HarvestInto(accumulator);
        return accumulator.Take(0, TimeSpan.Zero, TimeSpan.FromSeconds(1), target: 1, inFlight: 0);
    }

    public void Dispose() => Http?.Dispose();

    private long Intended(bool measured) => measured ? Clock.GetTimestamp() : Run.MeasureFrom - 1;
}
