// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StressTest.Aggregation;
using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Runner;
using StressTest.Tests.TestSupport;
using StressTest.Tests.Workers.Http;
using StressTest.Transport.Contracts;

namespace StressTest.Tests.Controller;

/// <summary>
/// HTTP details end to end through the controller and the in-process agent on a fake clock: the setup's
/// <c>ConfigureHttp</c> puts a stub where the socket would be, each invocation takes exactly 10 ms (4 ms in step
/// "list", 6 ms in step "get"), so a 100 ms run measures exactly 10 journeys.
/// </summary>
[TestClass]
public sealed class StressControllerHttpTests
{
    private const double HdrResolutionMs = 0.01;

    [TestMethod]
    public async Task RunAsync_Journey_MeasuresEndpointsStepsAndChecksAndJudgesStepThresholds()
    {
        var probe = Targets.Journey.Reset();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.Journey), nameof(Targets.Journey.Run));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        var m = result.Measurements!;
        Assert.AreEqual(10, m.Count);
        Assert.AreSequenceEqual(new[] { ("GET /orders", 10L), ("GET /orders/{id}", 10L) }, m.Endpoints.Select(e => (e.Name, e.Count)).Order().ToArray());
        Assert.IsTrue(m.Endpoints.All(e => e.Errors == 0 && e.StatusCodes.Single().Key == 200));
        Assert.AreSequenceEqual(new[] { "get", "list" }, m.Steps.Select(s => s.Name).ToArray());
        Assert.AreEqual(6.0, m.Steps[0].Summary.Max, HdrResolutionMs);
        Assert.AreEqual(4.0, m.Steps[1].Summary.Max, HdrResolutionMs);
        Assert.AreEqual(10, m.Steps[1].Count);
        Assert.AreEqual(new CheckMeasurement("list ok", 10, 0, false), Assert.ContainsSingle(m.Checks));
        Assert.AreEqual(1.0, m.ChecksRate);
        Assert.HasCount(4, result.Thresholds, "three declared and the default error policy");
        Assert.AreEqual("get", result.Thresholds[0].Threshold.Step);
        Assert.AreEqual(6.0, result.Thresholds[0].Actual, HdrResolutionMs);
        Assert.IsTrue(result.Thresholds.All(t => t.Passed));
        Assert.Contains("  GET /orders/{id}", ResultText.Summary(result));
    }

    [TestMethod]
    public async Task RunAsync_ServerAnswers500_FailsWithHttpErrorsAndAFailedStepThreshold()
    {
        var probe = Targets.FailingJourney.Reset();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.FailingJourney), nameof(Targets.FailingJourney.Run));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        var m = result.Measurements!;
        Assert.AreEqual(10, m.Errors, "every invocation, though the method never throws");
        var error = Assert.ContainsSingle(m.ErrorsByKind);
        Assert.AreEqual("HTTP 500", error.Kind);
        Assert.AreEqual(ErrorCategories.Http, error.Category);
        Assert.StartsWith("GET /orders answered 500", error.FirstMessage, "the first unaccepted response of an invocation is its error");
        Assert.IsTrue(m.Endpoints.All(e => e.Errors == 10));
        Assert.AreEqual(0.0, m.ChecksRate, "every invocation failed its check");
        var failed = result.Thresholds.Where(t => !t.Passed).Select(t => t.Threshold.Source).ToArray();
        Assert.AreSequenceEqual(new[] { "checks == 100%", "error_rate <= 0%" }, failed);
    }

    [TestMethod]
    public async Task RunAsync_RefusedHostCaughtByTheMethod_FailsTheTestWithOneProblem()
    {
        var probe = Targets.CatchesRefusal.Reset();

        var result = await Runs.RunAsync(probe.Clock, typeof(Targets.CatchesRefusal), nameof(Targets.CatchesRefusal.Run));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.AreEqual(0, result.Measurements!.Errors, "the method caught every refusal");
        Assert.AreEqual(10, Targets.CatchesRefusal.Refusals);
        var problem = Assert.ContainsSingle(result.Problems);
        Assert.Contains("refused to send a request to host \"example.com\"", problem);
        Assert.Contains(problem, result.Verdict.FailureText);
    }

    public static class Targets
    {
        private static readonly TimeSpan FourMs = TimeSpan.FromMilliseconds(4);
        private static readonly TimeSpan SixMs = TimeSpan.FromMilliseconds(6);
        private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);

        public static class Journey
        {
            private static TargetProbe _probe = new();

            internal static TargetProbe Reset() => _probe = new TargetProbe();

            [StressSetup]
            public static void Setup(StressSetupContext setup) => Stubbed(setup, new StubHandler());

            [StressTest(Duration = "100ms")]
            [Threshold("p95 < 6.1ms", Step = "get")]
            [Threshold("count == 10", Step = "list")]
            [Threshold("checks == 100%")]
            public static Task Run(StressContext context) => ListThenGetAsync(context, _probe.Clock);
        }

        public static class FailingJourney
        {
            private static TargetProbe _probe = new();

            internal static TargetProbe Reset() => _probe = new TargetProbe();

            [StressSetup]
            public static void Setup(StressSetupContext setup) => Stubbed(setup, new StubHandler(HttpStatusCode.InternalServerError));

            [StressTest(Duration = "100ms")]
            [Threshold("p95 < 6.1ms", Step = "get")]
            [Threshold("count == 10", Step = "list")]
            [Threshold("checks == 100%")]
            public static Task Run(StressContext context) => ListThenGetAsync(context, _probe.Clock);
        }

        public static class CatchesRefusal
        {
            private static TargetProbe _probe = new();
            private static int _refusals;

            public static int Refusals => Volatile.Read(ref _refusals);

            public static TargetProbe Reset()
            {
                _refusals = 0;
                return _probe = new TargetProbe();
            }

            [StressSetup]
            public static void Setup(StressSetupContext setup) =>
                setup.ConfigureHttp(b => b.ConfigurePrimaryHttpMessageHandler(() => new StubHandler()));

            [StressTest(Duration = "100ms")]
            public static async Task Run(StressContext context)
            {
                try
                {
                    using var response = await context.Http.GetAsync(new Uri("http://example.com/"));
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref _refusals);
                }

                _probe.Clock.Step(context, TenMs);
            }
        }

        private static void Stubbed(StressSetupContext setup, StubHandler stub)
        {
            setup.BaseAddress = new Uri("http://127.0.0.1:5080/");
            setup.ConfigureHttp(b => b.ConfigurePrimaryHttpMessageHandler(() => stub));
        }

        /// <summary>A journey of two steps: list the orders (4 ms), then get one (6 ms).</summary>
        private static async Task ListThenGetAsync(StressContext context, TestClock clock)
        {
            await context.Step("list", async () =>
            {
                using var response = await context.Http.GetAsync(new Uri("orders", UriKind.Relative));
                context.Check(response.IsSuccessStatusCode, "list ok");
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
