// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Monitoring.Api;

/// <summary>Which process served the API during the run, as far as the run knows it.</summary>
/// <param name="ProcessId">Its id; null when unknown (neither configured nor found in the test process).</param>
/// <param name="ProcessName">Its name; null when unknown.</param>
/// <param name="InTestProcess">The API listened inside the test process: its resources are the generator's health.</param>
/// <param name="DotNet">Its .NET runtime counters were read (the <c>api_gc…</c>, <c>api_threadpool…</c> values).</param>
internal sealed record ApiInfo(int? ProcessId, string? ProcessName, bool InTestProcess, bool DotNet)
{
    public static ApiInfo Unknown { get; } = new(null, null, false, false);
}
