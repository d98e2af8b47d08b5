// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>
/// A pass/fail condition on the measured run, written as <c>&lt;metric&gt; &lt;op&gt; &lt;value&gt;[unit]</c>;
/// repeat the attribute for several conditions. The test passes only when every threshold holds.
/// </summary>
/// <remarks>
/// <para>Metrics: <c>min</c>, <c>mean</c>, <c>max</c>, any percentile <c>pNN</c> or <c>pNN.N…</c> (<c>p50</c>,
/// <c>p99.9</c>) with a latency unit <c>us</c>, <c>ms</c> or <c>s</c>; <c>error_rate</c> as a percentage
/// (<c>1%</c>) or a fraction (<c>0.01</c>); <c>rps</c> (measured invocations per second); <c>count</c>
/// (measured invocations); <c>dropped</c> and <c>dropped_rate</c> (open-model arrivals not started because
/// MaxConcurrency were in flight); <c>checks</c> (the share of invocations whose checks all held, as a
/// percentage: <c>checks &gt; 99%</c>). Operators: <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>==</c>.
/// Whitespace is free and metric names are case-insensitive: <c>"p95 &lt; 150ms"</c>,
/// <c>"error_rate&lt;=0.5%"</c>, <c>"rps &gt;= 100"</c>.</para>
/// <para>Declaring an <c>error_rate</c> threshold replaces the default <c>error_rate &lt;= 0%</c>.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class ThresholdAttribute : Attribute
{
    /// <summary>Creates a threshold from its expression.</summary>
    /// <param name="expression">The condition, for example <c>"p95 &lt; 150ms"</c>.</param>
    public ThresholdAttribute(string expression) => Expression = expression;

    /// <summary>The condition as written, for example <c>"p95 &lt; 150ms"</c>.</summary>
    public string Expression { get; }

    /// <summary>Applies the threshold to one step (<see cref="StressContext.Step(string, Func{Task})"/>) instead of the
    /// whole invocation: <c>[Threshold("p95 &lt; 200ms", Step = "checkout")]</c>. Latency metrics, <c>count</c>,
    /// <c>rps</c> and <c>error_rate</c> apply to steps. A step that never ran fails the threshold, naming the steps
    /// that did.</summary>
    /// <value>The step's name, exactly as passed to <c>Step</c>; default none (the whole invocation).</value>
    public string? Step { get; set; }
}
