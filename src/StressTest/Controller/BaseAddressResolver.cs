// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;
using StressTest.Plan;
using StressTest.Plan.Settings;
using StressTest.Transport.Contracts;

namespace StressTest.Controller;

/// <summary>Where a run's requests go: the <c>BaseUrl</c> setting, else the <see cref="Variable"/> environment
/// variable, else what <c>[StressSetup]</c> set on <see cref="StressSetupContext.BaseAddress"/>. Setup is handed the
/// first two on <see cref="StressSetupContext.BaseAddress"/> before it runs, so it seeds the server the load hits.</summary>
internal static class BaseAddressResolver
{
    /// <summary>Environment variable giving StressContext.Http's base address when the BaseUrl setting does not.</summary>
    public const string Variable = "STRESSTEST_BASEURL";

    /// <summary>The base address the settings or the environment give, before setup runs; null when neither does.</summary>
    /// <param name="plan">The run's plan.</param>
    /// <param name="diagnostics">Receives an invalid environment variable as a problem.</param>
    /// <param name="valid">False when the environment variable is invalid (then nothing may run).</param>
    public static Uri? Configured(StressPlan plan, RunDiagnostics diagnostics, out bool valid)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(diagnostics);
        valid = true;
        if (plan.Settings.BaseUrl is { } setting)
        {
            return setting;
        }

        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } fromEnvironment)
        {
            return null;
        }

        if (!HttpAddress.TryParse(fromEnvironment, out var address, out var problem))
        {
            diagnostics.Problem($"Environment variable {Variable} = \"{fromEnvironment}\" is invalid: {problem}");
            valid = false;
            return null;
        }

        return address;
    }

    /// <summary>The HTTP part of the run's assignment; null (and a problem) when an address given is invalid.</summary>
    /// <param name="plan">The run's plan.</param>
    /// <param name="setup">What setup left on the context.</param>
    /// <param name="configured">What <see cref="Configured"/> gave setup; it wins over what setup set.</param>
    /// <param name="diagnostics">Receives problems and warnings.</param>
    public static HttpSettings? Settings(StressPlan plan, StressSetupContext setup, Uri? configured, RunDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var baseAddress = configured;
        if (configured is not null && setup.BaseAddress is { } changed && changed != configured)
        {
            var source = plan.Settings.BaseUrl is not null ? "the BaseUrl setting" : $"the {Variable} environment variable";
            diagnostics.Warning($"[StressSetup] set StressSetupContext.BaseAddress = \"{changed}\", but {source} (\"{configured}\") wins: the load goes there.");
        }

        if (baseAddress is null && setup.BaseAddress is { } fromSetup)
        {
            if (!HttpAddress.Check(fromSetup, out baseAddress, out var problem))
            {
                diagnostics.Problem($"[StressSetup] set StressSetupContext.BaseAddress = \"{fromSetup}\", which is invalid: {problem}");
                return null;
            }
        }

        return new HttpSettings(baseAddress?.OriginalString, plan.Settings.AllowedHosts, plan.AcceptStatus.ToString())
        {
            Routes = setup.EndpointRoutes,
        };
    }
}
