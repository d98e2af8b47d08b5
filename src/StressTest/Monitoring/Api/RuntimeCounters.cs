// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace StressTest.Monitoring.Api;

/// <summary>
/// The .NET runtime's own counters of another process (GC heap, collections, time in GC, allocation rate, thread pool,
/// lock contentions, exceptions), read as <c>dotnet-counters</c> reads them: an EventPipe session on the process's
/// diagnostic port enabling the <c>System.Runtime</c> event counters every second, its stream parsed by TraceEvent.
/// The latest value of each counter is kept; the probe reads them once per second.
/// </summary>
internal sealed class RuntimeCounters : IDisposable
{
    private readonly EventPipeSession _session;
    private readonly EventPipeEventSource _source;
    private readonly Task _processing;
    private readonly ConcurrentDictionary<string, double> _latest = new(StringComparer.Ordinal);

    private RuntimeCounters(EventPipeSession session)
    {
        _session = session;
        _source = new EventPipeEventSource(session.EventStream);
        _source.Dynamic.All += OnEvent;
        _processing = Task.Factory.StartNew(() => _source.Process(), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Counters seen so far, by their <c>System.Runtime</c> name (<c>gc-heap-size</c>, <c>time-in-gc</c>…).</summary>
    public IReadOnlyDictionary<string, double> Latest => _latest;

    /// <summary>Starts the session; null with the reason when the process is not .NET or refuses it.</summary>
    public static (RuntimeCounters? Counters, string? Problem) TryStart(int processId)
    {
        if (!DiagnosticsClient.GetPublishedProcesses().Contains(processId))
        {
            return (null, "it publishes no .NET diagnostic port (not a .NET process, or diagnostics are disabled)");
        }

        try
        {
            var provider = new EventPipeProvider("System.Runtime", EventLevel.Informational, -1, new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" });
            var session = new DiagnosticsClient(processId).StartEventPipeSession(provider, requestRundown: false, circularBufferMB: 16);
            return (new RuntimeCounters(session), null);
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or UnsupportedCommandException or DiagnosticsClientException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            return (null, ex.Message);
        }
    }

    public void Dispose()
    {
        try
        {
            _session.Stop();
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or IOException or ObjectDisposedException or TimeoutException)
        {
            // The process is gone: so is the session.
        }

        _processing.Wait(TimeSpan.FromSeconds(2));
        _source.Dispose();
        _session.Dispose();
    }

    private void OnEvent(TraceEvent data)
    {
        // An EventCounters event carries one counter: {Payload: {Name, Mean | Increment, CounterType, ...}}.
        if (data.EventName != "EventCounters" || data.PayloadValue(0) is not IDictionary<string, object> outer
            || !outer.TryGetValue("Payload", out var inner) || inner is not IDictionary<string, object> fields
            || !fields.TryGetValue("Name", out var name) || name is not string counter)
        {
            return;
        }

        var value = fields.TryGetValue("Increment", out var increment) ? increment : fields.TryGetValue("Mean", out var mean) ? mean : null;
        if (value is IConvertible convertible)
        {
            _latest[counter] = convertible.ToDouble(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
