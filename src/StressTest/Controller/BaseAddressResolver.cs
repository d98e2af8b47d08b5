// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;
using StressTest.Plan;
using StressTest.Plan.Settings;
using StressTest.Transport.Contracts;

namespace StressTest.Controller;

/// <summary>Where a run's requests go: the <c>BaseUrl</c> setting, else the <see cref="Variable"/> environment
/// variable, else what <c>[StressSetup]</c> set on <see cref="StressSetupContext.BaseAddress"/>.</summary>
internal static class BaseAddressResolver
{
    /// <summary>Environment variable giving StressContext.Http's base address when the BaseUrl setting does not.</summary>
    public const string Variable = "STRESSTEST_BASEURL";

    /// <summary>The HTTP part of the run's assignment; null (and a problem) when an address given is invalid.</summary>
    public static HttpSettings? Settings(StressPlan plan, StressSetupContext setup, RunDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var settings = plan.Settings;
        var baseAddress = settings.BaseUrl;
        if (baseAddress is null && Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment)
        {
            if (!HttpAddress.TryParse(fromEnvironment, out baseAddress, out var problem))
            {
                diagnostics.Problem($"Environment variable {Variable} = \"{fromEnvironment}\" is invalid: {problem}");
                return null;
            }
        }

        if (baseAddress is null && setup.BaseAddress is { } fromSetup)
        {
            if (!HttpAddress.Check(fromSetup, out baseAddress, out var problem))
            {
                diagnostics.Problem($"[StressSetup] set StressSetupContext.BaseAddress = \"{fromSetup}\", which is invalid: {problem}");
                return null;
            }
        }

        return new HttpSettings(baseAddress?.OriginalString, settings.AllowedHosts, plan.AcceptStatus.ToString());
    }
}
