// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>
/// Marks a public <em>instance</em> method that runs once in each worker, on the worker's own instance of the test
/// class, before the load starts: a worker logs in once and keeps its token in a field, opens its connection, takes
/// its slice of the data. It may be synchronous or return <see cref="Task"/>/<see cref="ValueTask"/>, and take no
/// parameters, a <see cref="StressContext"/> (the worker's: <c>WorkerId</c>, <c>Http</c>, <c>Get&lt;T&gt;()</c>), a
/// <see cref="CancellationToken"/> (cancelled when the run is cancelled), or both in that order.
/// </summary>
/// <remarks>
/// <para>Workers set up in parallel, after <c>[StressSetup]</c>, and the load starts when all are ready; the time it
/// takes is not measured, and its HTTP requests are not counted. In the open model every slot (up to
/// MaxConcurrency) is a worker and is set up before the load.</para>
/// <para>If it throws in any worker, no load runs and the test fails naming the method and the exception;
/// <c>[StressWorkerTeardown]</c> still runs in every worker whose instance was created. A class with a worker setup
/// gets an instance per worker for each of its stress tests, static test methods included.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class StressWorkerSetupAttribute : Attribute
{
}
