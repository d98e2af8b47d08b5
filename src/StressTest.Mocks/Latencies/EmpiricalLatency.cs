// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Mocks.Simulation;

namespace StressTest.Mocks.Latencies;

/// <summary>
/// Replays a measured distribution: a draw picks a bucket with probability count / total (one uniform draw, a
/// binary search over the cumulative counts) and a value evenly within it, so the replay's quantiles match the
/// source's to the source's own resolution.
/// </summary>
internal sealed class EmpiricalLatency : Latency
{
    private readonly string _source;
    private readonly LatencyBucket[] _buckets;
    private readonly long[] _cumulative;
    private readonly double _ticksPerUnit;

    public EmpiricalLatency(string source, IReadOnlyList<LatencyBucket> buckets, double ticksPerUnit)
    {
        _source = source;
        _buckets = [.. buckets.Where(b => b.Count > 0)];
        if (_buckets.Length == 0)
        {
            throw new MockDefinitionException("file", $"\"{Check.Shorten(source)}\" holds no recorded values");
        }

        _cumulative = new long[_buckets.Length];
        long total = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            total += _buckets[i].Count;
            _cumulative[i] = total;
        }

        _ticksPerUnit = ticksPerUnit;
    }

    /// <summary>The buckets replayed, in the file's units (for tests and the benchmark).</summary>
    public IReadOnlyList<LatencyBucket> Buckets => _buckets;

    /// <summary>Reads an .hlog or .hgrm file; <paramref name="ticksPerUnit"/> null takes the format's default unit.</summary>
    public static EmpiricalLatency Load(string path, double? ticksPerUnit)
    {
        var (buckets, defaultTicksPerUnit) = HistogramFile.Read(path);
        return new EmpiricalLatency(Path.GetFileName(path), buckets, ticksPerUnit ?? defaultTicksPerUnit);
    }

    internal override TimeSpan Sample(Random random)
    {
        var total = _cumulative[^1];
        var target = (long)(random.NextDouble() * total);   // 0 … total − 1
        var index = Array.BinarySearch(_cumulative, target + 1);
        var bucket = _buckets[index >= 0 ? index : ~index];
        var value = bucket.Low + (random.NextDouble() * (bucket.High - bucket.Low));
        return FromTicks(value * _ticksPerUnit);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"empirical from {Check.Shorten(_source)} ({_cumulative[^1]:N0} values)");
}
