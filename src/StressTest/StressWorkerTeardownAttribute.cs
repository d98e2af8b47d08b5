// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>
/// Marks a public <em>instance</em> method that runs once in each worker after the load, on the worker's own instance,
/// before the instance is disposed and before the class's <c>[StressTeardown]</c>: a worker logs out, deletes what it
/// created. Same shapes as <see cref="StressWorkerSetupAttribute"/>; its <see cref="CancellationToken"/> is never
/// cancelled (cleaning up is the point).
/// </summary>
/// <remarks>
/// It runs whatever happened (failed invocations, failed thresholds, a cancelled run, a worker setup that threw), so
/// it must not assume the setup completed. If it throws, the test fails naming the method, and the result still shows
/// the load's own verdict. A worker still stuck in an invocation after the shutdown grace is abandoned without it.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class StressWorkerTeardownAttribute : Attribute
{
}
