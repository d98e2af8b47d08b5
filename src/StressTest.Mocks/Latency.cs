// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Mocks.Latencies;
using StressTest.Mocks.Simulation;

namespace StressTest.Mocks;

/// <summary>
/// How long a simulated dependency takes before it answers: a distribution, sampled once per request from the
/// route's seeded random sequence (so the same seed and the same order of requests give the same latencies).
/// </summary>
/// <remarks>
/// Real services are right-skewed: most answers are quick and a few are very slow. <see cref="LogNormal"/> from a
/// median and a p99 is that shape, described by the two numbers a team usually knows; <see cref="Empirical"/>
/// replays a distribution measured against the real service.
/// </remarks>
public abstract class Latency
{
    private protected Latency()
    {
    }

    /// <summary>Always <paramref name="value"/>.</summary>
    /// <param name="value">0 to 1 hour.</param>
    /// <returns>The model.</returns>
    public static Latency Constant(TimeSpan value) => new ConstantLatency(Check.Duration(value, "value"));

    /// <summary>Evenly spread between <paramref name="min"/> and <paramref name="max"/>.</summary>
    /// <param name="min">The shortest latency, 0 or more.</param>
    /// <param name="max">The longest latency, at least <paramref name="min"/>, at most 1 hour.</param>
    /// <returns>The model.</returns>
    public static Latency Uniform(TimeSpan min, TimeSpan max) =>
        new UniformLatency(Check.Duration(min, "min"), Check.Duration(max, "max"));

    /// <summary>A normal (Gaussian) distribution truncated at 0: negative draws are impossible, so the distribution
    /// is conditioned on being 0 or more (not clamped, which would pile draws up at exactly 0).</summary>
    /// <param name="mean">The mean before truncation, 0 or more.</param>
    /// <param name="standardDeviation">The standard deviation before truncation, more than 0.</param>
    /// <returns>The model.</returns>
    public static Latency Normal(TimeSpan mean, TimeSpan standardDeviation) =>
        new NormalLatency(Check.Duration(mean, "mean"), Check.Duration(standardDeviation, "standardDeviation"));

    /// <summary>A log-normal distribution given by its median and its 99th percentile: the right-skewed shape of
    /// real services' latency, from the two figures a service's dashboard shows.</summary>
    /// <param name="median">Half of the requests are faster; more than 0.</param>
    /// <param name="p99">99 % of the requests are faster; more than <paramref name="median"/>, at most 1 hour.</param>
    /// <returns>The model.</returns>
    public static Latency LogNormal(TimeSpan median, TimeSpan p99) =>
        new LogNormalLatency(Check.Duration(median, "median"), Check.Duration(p99, "p99"));

    /// <summary>
    /// Replays the latency distribution of an HdrHistogram file: a histogram log (<c>.hlog</c>, HdrHistogram's
    /// interval log, whose histograms are added up) or a percentile distribution (<c>.hgrm</c>, as this tool
    /// attaches to every test result). A draw picks a bucket in proportion to its count and a value evenly within
    /// the bucket, so the replay matches the file to its resolution.
    /// </summary>
    /// <param name="path">The file, read now.</param>
    /// <param name="valueUnit">What a value of 1 in the file means. Default: 1 ms for <c>.hgrm</c> (this tool
    /// writes milliseconds there), 1 µs for <c>.hlog</c> (this tool records microseconds).</param>
    /// <returns>The model.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">The file is not an HdrHistogram file or holds no values.</exception>
    public static Latency Empirical(string path, TimeSpan? valueUnit = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (valueUnit is { } unit && unit <= TimeSpan.Zero)
        {
            throw new MockDefinitionException("unit", $"{Check.Text(unit)} is not a unit; expected a positive duration such as 1 ms");
        }

        return EmpiricalLatency.Load(path, valueUnit?.Ticks);
    }

    /// <summary>Draws one latency.</summary>
    /// <param name="random">The route's random sequence; the caller holds its lock.</param>
    internal abstract TimeSpan Sample(Random random);

    /// <summary>Ticks from milliseconds as a double, bounded to what a model may produce.</summary>
    private protected static TimeSpan FromTicks(double ticks) =>
        double.IsNaN(ticks) || ticks <= 0 ? TimeSpan.Zero : ticks >= Check.MaxLatency.Ticks ? Check.MaxLatency : TimeSpan.FromTicks((long)ticks);
}
