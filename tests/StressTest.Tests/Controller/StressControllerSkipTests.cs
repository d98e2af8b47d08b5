// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Controller;

/// <summary><c>StressSetupContext.Skip</c>: no load, teardown still runs, the result is Skipped with the reason.</summary>
[TestClass]
public sealed class StressControllerSkipTests
{
    [TestMethod]
    public async Task RunAsync_SetupSkips_NoLoadTeardownRunsSkippedWithTheReason()
    {
        var probe = Targets.Skipping.Reset();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.Skipping), nameof(Targets.Skipping.Run));

        Assert.AreEqual(RunOutcome.Skipped, result.Outcome);
        Assert.AreEqual("no database here", result.SkipReason);
        Assert.IsNull(result.Measurements);
        Assert.AreEqual(0, probe.Invocations);
        Assert.AreEqual(1, probe.Teardowns);
    }

    public static class Targets
    {
        public static class Skipping
        {
            private static TargetProbe _probe = new();

            internal static TargetProbe Reset() => _probe = new TargetProbe();

            [StressSetup]
            public static void Setup(StressSetupContext setup) => setup.Skip("no database here");

            [StressTeardown]
            public static void Teardown() => _probe.TeardownRan();

            [StressTest(Duration = "1s")]
            public static void Run() => _probe.Hit();
        }
    }
}
