// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;

namespace StressTest.Monitoring.Api;

/// <summary>
/// The resources of the API's own process, sampled once per second as a probe named <c>api_…</c>, so its values join
/// the series, the charts beside the latency and the thresholds (<c>probe:api_cpu_cores max &lt; 1.5</c>) like any
/// probe's. From the operating system: CPU in cores, working set, threads. From the .NET runtime when the process is
/// .NET (<see cref="RuntimeCounters"/>): GC heap, collections, time in GC, allocation rate, thread pool, lock
/// contentions, exceptions.
/// </summary>
/// <remarks>A process that exits mid-run makes every later sample fail: the probe warning says so, the run goes on.</remarks>
internal sealed class ApiProcessProbe : IStressProbe, IDisposable
{
    public const string Prefix = "api_";

    /// <summary>Probe value → (System.Runtime counter, scale): counters whose value is per interval are per second.</summary>
    private static readonly (string Name, string Counter, double Scale)[] Runtime =
    [
        ("api_gc_heap_mb", "gc-heap-size", 1),
        ("api_gc_collections", "gen-0-gc-count", 1),
        ("api_time_in_gc_percent", "time-in-gc", 1),
        ("api_alloc_mb_per_sec", "alloc-rate", 1.0 / (1024 * 1024)),
        ("api_threadpool_threads", "threadpool-thread-count", 1),
        ("api_threadpool_queue", "threadpool-queue-length", 1),
        ("api_lock_contentions", "monitor-lock-contention-count", 1),
        ("api_exceptions", "exception-count", 1),
    ];

    private readonly Process _process;
    private readonly TimeProvider _time;
    private readonly RuntimeCounters? _runtime;
    private TimeSpan _lastCpu;
    private long _lastAt;

    public ApiProcessProbe(Process process, TimeProvider time, RuntimeCounters? runtime)
    {
        _process = process;
        _time = time;
        _runtime = runtime;
        ProcessId = process.Id;
        ProcessName = process.ProcessName;
        _lastCpu = process.TotalProcessorTime;
        _lastAt = time.GetTimestamp();
        Metrics = ["api_cpu_cores", "api_working_set_mb", "api_threads", .. runtime is null ? [] : Runtime.Select(r => r.Name)];
    }

    public int ProcessId { get; }

    public string ProcessName { get; }

    public bool IsDotNet => _runtime is not null;

    public IReadOnlyCollection<string> Metrics { get; }

    public ValueTask<IReadOnlyDictionary<string, double>> SampleAsync(CancellationToken cancellationToken)
    {
        _process.Refresh();
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"the API's process {_process.Id} has exited");
        }

        var cpu = _process.TotalProcessorTime;
        var at = _time.GetTimestamp();
        var seconds = _time.GetElapsedTime(_lastAt, at).TotalSeconds;
        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["api_cpu_cores"] = seconds > 0 ? Math.Round((cpu - _lastCpu).TotalSeconds / seconds, 3) : 0,
            ["api_working_set_mb"] = Math.Round(_process.WorkingSet64 / (1024.0 * 1024), 1),
            ["api_threads"] = _process.Threads.Count,
        };
        _lastCpu = cpu;
        _lastAt = at;
        if (_runtime is not null)
        {
            foreach (var (name, counter, scale) in Runtime)
            {
                if (_runtime.Latest.TryGetValue(counter, out var value))
                {
                    values[name] = Math.Round(value * scale, 3);
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyDictionary<string, double>>(values);
    }

    public void Dispose()
    {
        _runtime?.Dispose();
        _process.Dispose();
    }
}
