// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan;
using StressTest.Transport.Contracts;

namespace StressTest.Controller;

/// <summary>Turns a plan into the plain messages an agent is sent.</summary>
internal static class Assignments
{
    /// <summary>The method by name, for an agent to resolve in its own process.</summary>
    public static TestMethodRef MethodOf(StressPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var method = plan.Method.Method;
        return new TestMethodRef(method.ReflectedType!.Assembly.Location, method.ReflectedType!.FullName!, method.Name);
    }

    /// <summary>All of the plan's workers, for one agent.</summary>
    public static WorkAssignment For(StressPlan plan, string runId, HttpSettings http)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var load = plan.Load;
        return new WorkAssignment(runId, MethodOf(plan), load, FirstWorkerId: 0, WorkerCount: load.Model == LoadModel.Open ? load.MaxConcurrency : load.Concurrency)
        {
            Http = http,
            Test = plan.FullyQualifiedName,
            TraceSampleRate = plan.Settings.Observability.TraceSampleRate,
        };
    }
}
