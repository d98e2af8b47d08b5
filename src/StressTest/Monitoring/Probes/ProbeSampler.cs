// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;

namespace StressTest.Monitoring.Probes;

/// <summary>
/// Samples the run's probes once per measured second, driven by the controller's telemetry: when second <c>n</c>'s
/// interval arrives, every probe is sampled and its values belong to second <c>n</c>. Tied to the series' own
/// seconds, probe values line up with latency exactly, on the real clock and on a fake one.
/// </summary>
/// <remarks>
/// A probe is started on the controller's loop (its synchronous part must be quick: a probe does I/O asynchronously);
/// one that completes at once is recorded at once, which keeps fake-clock runs deterministic. The rest have one
/// interval to finish (the token is cancelled and the wait ends, whether the probe honours the token or not). A probe
/// whose previous sample is still running skips the second. Failures are counted per probe and become one warning,
/// never a failed run.
/// </remarks>
internal sealed class ProbeSampler
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly List<Probe> _probes;

    public ProbeSampler(TimeProvider time, IReadOnlyList<IStressProbe> probes, TimeSpan? interval = null)
    {
        _time = time;
        _interval = interval ?? TimeSpan.FromSeconds(1);
        _probes = [.. probes.Select(p => new Probe(p))];
    }

    public bool IsEmpty => _probes.Count == 0;

    /// <summary>Starts sampling every probe for <paramref name="second"/>; returns at once.</summary>
    public void SampleSecond(int second)
    {
        foreach (var probe in _probes)
        {
            if (probe.Pending is { IsCompleted: false })
            {
                probe.Attempt();
                probe.Fail($"a sample was still running after {_interval.TotalSeconds:0.###} s, so the next was skipped");
                continue;
            }

            probe.Pending = SampleAsync(probe, second);
        }
    }

    /// <summary>Waits for samples still running (each at most an interval), then the series and the failures.</summary>
    public async Task<(IReadOnlyList<ProbeSeries> Series, IReadOnlyList<ProbeFailures> Failures)> CompleteAsync()
    {
        await Task.WhenAll(_probes.Select(p => p.Pending ?? Task.CompletedTask)).ConfigureAwait(false);
        var series = _probes
            .SelectMany(p => p.Points)
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g => new ProbeSeries(g.Key, [.. g.Select(p => p.Point).OrderBy(p => p.Second)]))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var failures = _probes
            .Where(p => p.Failed > 0)
            .Select(p => new ProbeFailures(p.Name, p.Failed, p.Attempts, p.FirstFailure!))
            .ToList();
        return (series, failures);
    }

    /// <summary>Disposes the probes that are disposable; a failure is reported, not thrown.</summary>
    public void DisposeProbes(RunDiagnostics diagnostics)
    {
        foreach (var probe in _probes)
        {
            diagnostics.Dispose(probe.Source, "the run");
        }
    }

    private async Task SampleAsync(Probe probe, int second)
    {
        probe.Attempt();
        using var cancel = new CancellationTokenSource();
        try
        {
            var sampling = probe.Source.SampleAsync(cancel.Token);
            IReadOnlyDictionary<string, double> values;
            if (sampling.IsCompleted)
            {
                values = sampling.Result;
            }
            else
            {
                // The interval's timer exists only for a sample that did not complete at once (most probes do I/O), and
                // ends the wait whether or not the probe honours its token.
                var task = sampling.AsTask();
                var expired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using (_time.CreateTimer(_ => expired.TrySetResult(), null, _interval, Timeout.InfiniteTimeSpan))
                {
                    if (await Task.WhenAny(task, expired.Task).ConfigureAwait(false) != task)
                    {
                        await cancel.CancelAsync().ConfigureAwait(false);
                        probe.Fail($"took longer than {_interval.TotalSeconds:0.###} s");
                        Observe(task);
                        return;
                    }
                }

                values = await task.ConfigureAwait(false);
            }

            foreach (var (name, value) in values)
            {
                if (double.IsFinite(value))
                {
                    probe.Points.Add((name, new ProbePoint(second, value)));
                }
            }
        }
        catch (Exception ex)
        {
            probe.Fail(ErrorText.Describe(ex));
        }
    }

    /// <summary>A sample abandoned at its timeout may still fail later: its exception is observed, not left to the
    /// finalizer's unobserved-task event.</summary>
    private static void Observe(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private sealed class Probe(IStressProbe source)
    {
        public IStressProbe Source { get; } = source;

        public string Name { get; } = source.GetType().Name;

        public System.Collections.Concurrent.ConcurrentBag<(string Name, ProbePoint Point)> Points { get; } = [];

        public Task? Pending { get; set; }

        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public int Failed { get; private set; }

        public string? FirstFailure { get; private set; }

        public void Attempt() => Interlocked.Increment(ref _attempts);

        public void Fail(string why)
        {
            lock (Points)
            {
                Failed++;
                FirstFailure ??= Redactor.Redact(why);
            }
        }
    }
}
