// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Hosting;

/// <summary>Starts the app under test from <c>[StressSetup]</c>.</summary>
public static class StressSetupContextExtensions
{
    /// <summary>
    /// Starts the app of <typeparamref name="TEntryPoint"/> on real Kestrel at 127.0.0.1 with a free port
    /// (<see cref="ApiHost{TEntryPoint}"/>), makes its address the run's base address (<c>StressContext.Http</c> sends
    /// there unless the <c>BaseUrl</c> setting or <c>STRESSTEST_BASEURL</c> points elsewhere), and hands it to the run,
    /// which stops it after <c>[StressTeardown]</c>: no static field, no teardown code.
    /// </summary>
    /// <example>
    /// <code>
    /// [StressSetup]
    /// public static Task StartAsync(StressSetupContext setup, CancellationToken ct) =>
    ///     setup.StartApiAsync&lt;Program&gt;(api => api.Settings["ConnectionStrings:Shop"] = "Data Source=stress.db", ct);
    /// </code>
    /// </example>
    /// <typeparam name="TEntryPoint">A type in the app's entry assembly, normally its <c>Program</c>.</typeparam>
    /// <param name="setup">The setup's context.</param>
    /// <param name="configure">Changes the default <see cref="ApiHostOptions"/>; null for none.</param>
    /// <param name="cancellationToken">The setup's token.</param>
    /// <returns>The running app (its <see cref="ApiHost{TEntryPoint}.Services"/> for seeding); teardown can also get
    /// it with <c>setup.Get&lt;ApiHost&lt;Program&gt;&gt;()</c>.</returns>
    public static async Task<ApiHost<TEntryPoint>> StartApiAsync<TEntryPoint>(this StressSetupContext setup, Action<ApiHostOptions>? configure = null, CancellationToken cancellationToken = default)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(setup);
        var options = new ApiHostOptions();
        configure?.Invoke(options);
        var host = await ApiHost.StartAsync<TEntryPoint>(options, cancellationToken).ConfigureAwait(false);
        setup.Set(host);
        setup.BaseAddress = host.BaseAddress;
        return host;
    }
}
