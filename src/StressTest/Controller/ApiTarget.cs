// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;
using StressTest.Monitoring.Api;
using StressTest.Plan.Settings;

namespace StressTest.Controller;

/// <summary>The API's process for a run: the probe that samples it when the settings name one, or why it could not
/// be found.</summary>
/// <param name="Probe">Samples the process; null when none was named or found.</param>
/// <param name="Problem">Why a named process could not be found; fails the test before the load.</param>
internal sealed record ApiTarget(ApiProcessProbe? Probe, string? Problem)
{
    /// <summary>No process named.</summary>
    public static ApiTarget None { get; } = new(null, null);

    /// <summary>Finds the process the settings name. A process that is not .NET (or refuses EventPipe) is still
    /// sampled, without runtime counters, and the run says so.</summary>
    public static ApiTarget Resolve(ObservabilitySettings settings, TimeProvider time, RunDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!settings.HasTarget)
        {
            return None;
        }

        var (process, problem) = ApiProcess.Resolve(settings);
        if (process is null)
        {
            return new ApiTarget(null, problem);
        }

        var (runtime, why) = RuntimeCounters.TryStart(process.Id);
        if (runtime is null)
        {
            diagnostics.Warning($"The API's process {process.Id} ({process.ProcessName}) is sampled without .NET runtime counters: {why}.");
        }

        return new ApiTarget(new ApiProcessProbe(process, time, runtime), null);
    }

    /// <summary>What the run knows of the API's process: the named one, else this process when the base address is
    /// a loopback port this process listens on (an API hosted by setup), else nothing.</summary>
    public ApiInfo Describe(string? baseAddress) =>
        Probe is not null
            ? new ApiInfo(Probe.ProcessId, Probe.ProcessName, Probe.ProcessId == Environment.ProcessId, Probe.IsDotNet)
            : baseAddress is not null && Uri.TryCreate(baseAddress, UriKind.Absolute, out var local) && local.IsLoopback && EmbeddedHost.ListensOn(local.Port)
                ? new ApiInfo(Environment.ProcessId, "test process", InTestProcess: true, DotNet: true)
                : ApiInfo.Unknown;
}
