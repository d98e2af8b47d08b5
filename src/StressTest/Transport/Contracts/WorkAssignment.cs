// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Load;

namespace StressTest.Transport.Contracts;

/// <summary>What a controller asks an agent to run: plain data only, so the same record can cross a process
/// or machine boundary when remote agents arrive.</summary>
/// <param name="RunId">Identifies the run (shown to the method as <c>StressContext.RunId</c>).</param>
/// <param name="Method">The method to invoke.</param>
/// <param name="Load">The load to apply.</param>
/// <param name="FirstWorkerId">The id of this agent's first worker; workers are numbered consecutively from it.</param>
/// <param name="WorkerCount">How many workers this agent runs (all of them, in-process).</param>
internal sealed record WorkAssignment(string RunId, TestMethodRef Method, LoadProfile Load, int FirstWorkerId, int WorkerCount)
{
    /// <summary>Where the run's HTTP requests may go and which answers are not errors.</summary>
    public HttpSettings Http { get; init; } = HttpSettings.None;

    /// <summary>The test's fully qualified name: a tag of its metrics and spans, and baggage of its traced requests.</summary>
    public string Test { get; init; } = string.Empty;

    /// <summary>The share of measured invocations traced when something listens to the <c>StressTest</c> source.</summary>
    public double TraceSampleRate { get; init; }
}

/// <summary>A method by name, resolvable in any process that has the test assembly.</summary>
internal sealed record TestMethodRef(string AssemblyPath, string TypeName, string MethodName);
