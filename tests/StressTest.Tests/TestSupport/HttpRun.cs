// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Load;
using StressTest.Workers;
using StressTest.Workers.Http;

namespace StressTest.Tests.TestSupport;

/// <summary>A run's HTTP as one slot sees it, without workers: <see cref="Client"/> is what
/// <c>StressContext.Http</c> returns to that slot's invocations. The run never starts, so its invocations are all
/// unmeasured and requests pass through the measuring handler untouched.</summary>
internal sealed class HttpRun : IDisposable
{
    public HttpRun(HttpOptions options, int connections = 1, TimeProvider? time = null)
    {
        Http = new StressHttpClient(options, connections);
        Run = new LoadRun(time ?? TimeProvider.System, "run", new LoadProfile(TimeSpan.Zero, TimeSpan.FromSeconds(1), 1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)), workerCount: 1, Http);
        Sink = new MeasurementSink(concurrentWriters: false, scheduled: false);
        Slot = new InvocationSlot(0, Run, Sink);
    }

    public StressHttpClient Http { get; }

    public LoadRun Run { get; }

    public MeasurementSink Sink { get; }

    public InvocationSlot Slot { get; }

    public HttpClient Client => Slot.HttpClient(null);

    public void Dispose() => Http.Dispose();
}
