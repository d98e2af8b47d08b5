// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Transport.Contracts;

/// <summary>What a controller asks an agent to run: plain data only, so the same record can cross a process
/// or machine boundary when remote agents arrive.</summary>
/// <param name="RunId">Identifies the run (shown to the method as <c>StressContext.RunId</c>).</param>
/// <param name="Method">The method to invoke.</param>
/// <param name="Load">The load to apply.</param>
/// <param name="FirstWorkerId">The id of this agent's first worker; workers are numbered consecutively from it.</param>
/// <param name="WorkerCount">How many workers this agent runs (all of them, in-process).</param>
internal sealed record WorkAssignment(string RunId, TestMethodRef Method, LoadProfile Load, int FirstWorkerId, int WorkerCount);

/// <summary>A method by name, resolvable in any process that has the test assembly.</summary>
internal sealed record TestMethodRef(string AssemblyPath, string TypeName, string MethodName);

/// <summary>The validated load of one stress test (closed model; later load models add fields here).</summary>
/// <param name="WarmUp">Run before measuring starts; excluded from statistics.</param>
/// <param name="Duration">The measured window.</param>
/// <param name="Concurrency">Workers invoking back-to-back.</param>
/// <param name="Timeout">Longest allowed invocation.</param>
/// <param name="ShutdownGrace">How long in-flight invocations may finish after the end before they are abandoned.</param>
internal sealed record LoadProfile(TimeSpan WarmUp, TimeSpan Duration, int Concurrency, TimeSpan Timeout, TimeSpan ShutdownGrace);
