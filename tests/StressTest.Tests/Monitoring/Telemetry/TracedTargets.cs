// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using StressTest.Tests.TestSupport;
using StressTest.Tests.Workers.Http;

namespace StressTest.Tests.Monitoring.Telemetry;

/// <summary>Targets of the telemetry tests: a two-step journey against a stub server on a fake clock (each invocation
/// 10 ms, so a 100 ms run is exactly 10 journeys), the stub keeping every request's headers.</summary>
public static class TracedTargets
{
    private static readonly TimeSpan FourMs = TimeSpan.FromMilliseconds(4);
    private static readonly TimeSpan SixMs = TimeSpan.FromMilliseconds(6);

    public static class Journey
    {
        private static TargetProbe _probe = new();

        internal static StubHandler Stub { get; private set; } = new();

        internal static TargetProbe Reset()
        {
            Stub = new StubHandler();
            return _probe = new TargetProbe();
        }

        [StressSetup]
        public static void Setup(StressSetupContext setup)
        {
            var stub = Stub;
            setup.BaseAddress = new Uri("http://127.0.0.1:5080/");
            setup.ConfigureHttp(b => b.ConfigurePrimaryHttpMessageHandler(() => stub));
        }

        [StressTest(Duration = "100ms")]
        public static async Task Run(StressContext context)
        {
            var clock = _probe.Clock;
            await context.Step("list", async () =>
            {
                using var response = await context.Http.GetAsync(new Uri("orders", UriKind.Relative));
                clock.Step(context, FourMs);
            });
            await context.Step("get", async () =>
            {
                using var response = await context.Http.GetAsync(new Uri($"orders/{context.Iteration + 1}", UriKind.Relative));
                clock.Step(context, SixMs);
            });
        }
    }
}
