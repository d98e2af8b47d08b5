// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Plan.Settings;

/// <summary>
/// Run-wide settings that apply to every stress test of a run: from the runsettings section
/// <c>&lt;StressTest&gt;</c>, or inline as <c>dotnet test -- StressTest.Key=value</c>.
/// </summary>
internal sealed record StressSettings
{
    public static StressSettings Default { get; } = new();

    /// <summary>Multiplies every Duration and WarmUp (0.1 for a quick PR run).</summary>
    /// <value>A positive number; default 1.</value>
    public double DurationScale { get; init; } = 1.0;

    /// <summary>Where report files are written.</summary>
    /// <value>Default: the test run's results directory (TestResults), then a <c>stresstest</c> folder in it.</value>
    public string? ResultsDirectory { get; init; }

    /// <summary>Seed of random choices (Poisson arrivals), so a run can be repeated exactly.</summary>
    /// <value>Any whole number; default 1.</value>
    public int Seed { get; init; } = 1;

    /// <summary>The base address of <c>StressContext.Http</c>; wins over the environment variable and the setup's.</summary>
    /// <value>An absolute http or https address; default none.</value>
    public Uri? BaseUrl { get; init; }

    /// <summary>Hosts requests may go to besides loopback and the base address's host.</summary>
    /// <value>Host names, comma-separated in the setting; default none.</value>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>How long in-flight invocations may still run after the load ends (or is cancelled) before they are
    /// abandoned and reported as stuck, so a hung method never hangs the test run.</summary>
    /// <value>A duration; default 5 s.</value>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long each lifecycle method may run: <c>[StressSetup]</c>, <c>[StressTeardown]</c>,
    /// <c>[StressWorkerSetup]</c>, <c>[StressWorkerTeardown]</c>, an instance's <c>Dispose</c>, and what setup handed
    /// over being disposed. Then its CancellationToken is cancelled and, after <see cref="ShutdownGrace"/>, it is
    /// abandoned and the test fails naming it: a hung lifecycle method never hangs the test run.</summary>
    /// <value>A duration; default 2 minutes.</value>
    public TimeSpan LifecycleTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a running test reports its progress (one informational line: elapsed, rps, p95 of the
    /// period, errors); 0 turns the lines off. The JSON report is rewritten every second regardless, so a test host
    /// killed mid-run still leaves what was measured.</summary>
    /// <value>A duration; default 5 s.</value>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Profile, RateScale, baselines: see <see cref="GateSettings"/>.</summary>
    /// <value>Default <see cref="GateSettings.Default"/>.</value>
    public GateSettings Gates { get; init; } = GateSettings.Default;

    /// <summary>Trace sampling, OTLP export, the API's process: see <see cref="ObservabilitySettings"/>.</summary>
    /// <value>Default <see cref="ObservabilitySettings.Default"/>.</value>
    public ObservabilitySettings Observability { get; init; } = ObservabilitySettings.Default;
}
