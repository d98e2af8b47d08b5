// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>
/// What a <see cref="StressSetupAttribute"/> method can hand to the run. Declare it as the setup method's first
/// parameter to receive it.
/// </summary>
/// <example>
/// <code>
/// [StressSetup]
/// public static async Task StartApiAsync(StressSetupContext setup, CancellationToken ct)
/// {
///     _app = await MyApi.StartOnFreePortAsync(ct);
///     setup.BaseAddress = _app.Address;   // every StressContext.Http now sends here
/// }
/// </code>
/// </example>
public sealed class StressSetupContext
{
    internal StressSetupContext()
    {
    }

    /// <summary>The base address of <see cref="StressContext.Http"/> when neither the <c>BaseUrl</c> setting nor
    /// the <c>STRESSTEST_BASEURL</c> environment variable sets one (they take precedence, so a run can be pointed at
    /// another environment without changing code). Its host is allowed by the host guard.</summary>
    /// <value>An absolute http or https address; default none.</value>
    public Uri? BaseAddress { get; set; }
}
