// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using StressTest.Controller;
using StressTest.Evaluation;
using StressTest.Plan.Methods;
using StressTest.Plan.Settings;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Controller;

/// <summary>
/// Where StressContext.Http's base address comes from, end to end on a fake clock: the BaseUrl setting, else the
/// STRESSTEST_BASEURL environment variable, else what setup set; an invalid one fails the test before any load.
/// </summary>
/// <remarks>Every run reads the process-wide environment variable, so these tests set it (or clear it) themselves
/// and run after the parallel ones, one at a time.</remarks>
[TestClass]
[DoNotParallelize]
public sealed class BaseAddressTests
{
    private const string FromSetup = "http://127.0.0.1:5001/";
    private const string FromSetting = "http://127.0.0.1:5002/";
    private const string FromEnvironment = "http://127.0.0.1:5003/";
    private const string Expected = "expected an absolute http or https address such as \"http://127.0.0.1:5080/\".";

    private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);

    [TestMethod]
    public async Task RunAsync_SetupSetsBaseAddress_TheTargetSeesIt()
    {
        var target = Targets.SetsAddress.Reset();

        var result = await RunWithVariableAsync(null, target.Probe.Clock, typeof(Targets.SetsAddress));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.AreEqual(new Uri(FromSetup), target.BaseAddress);
        Assert.AreEqual(10, target.Probe.Invocations);
    }

    [TestMethod]
    public async Task RunAsync_BaseUrlSetting_WinsOverSetup()
    {
        var target = Targets.SetsAddress.Reset();
        var settings = StressSettings.Default with { BaseUrl = new Uri(FromSetting) };

        var result = await RunWithVariableAsync(null, target.Probe.Clock, typeof(Targets.SetsAddress), settings);

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.AreEqual(new Uri(FromSetting), target.BaseAddress);
        Assert.AreEqual(1, target.Probe.Setups, "setup still runs; its address is just not used");
        Assert.Contains($"[StressSetup] set StressSetupContext.BaseAddress = \"{FromSetup}\", but the BaseUrl setting (\"{FromSetting}\") wins: the load goes there.", result.Warnings);
    }

    [TestMethod]
    public async Task RunAsync_BaseUrlSettingOrEnvironmentVariable_SetupSeesItBeforeItRuns()
    {
        var target = Targets.SeesAddress.Reset();
        var settings = StressSettings.Default with { BaseUrl = new Uri(FromSetting) };

        var fromSetting = await RunWithVariableAsync(null, target.Probe.Clock, typeof(Targets.SeesAddress), settings);
        var seenFromSetting = Targets.SeesAddress.SeenBySetup;
        var fromEnvironment = await RunWithVariableAsync(FromEnvironment, Targets.SeesAddress.Reset().Probe.Clock, typeof(Targets.SeesAddress));

        Assert.AreEqual(RunOutcome.Passed, fromSetting.Outcome, fromSetting.Verdict.FailureText);
        Assert.AreEqual(new Uri(FromSetting), seenFromSetting, "setup seeds the server the load hits");
        Assert.AreEqual(new Uri(FromEnvironment), Targets.SeesAddress.SeenBySetup);
        Assert.IsEmpty(fromSetting.Warnings, "a setup that leaves the address alone is not warned");
        Assert.AreEqual(RunOutcome.Passed, fromEnvironment.Outcome, fromEnvironment.Verdict.FailureText);
    }

    [TestMethod]
    public async Task RunAsync_BaseUrlSettingAndEnvironmentVariable_TheSettingWins()
    {
        var target = Targets.SetsAddress.Reset();
        var settings = StressSettings.Default with { BaseUrl = new Uri(FromSetting) };

        var result = await RunWithVariableAsync(FromEnvironment, target.Probe.Clock, typeof(Targets.SetsAddress), settings);

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.AreEqual(new Uri(FromSetting), target.BaseAddress);
    }

    [TestMethod]
    public async Task RunAsync_EnvironmentVariableAndNoSetting_WinsOverSetup()
    {
        var target = Targets.SetsAddress.Reset();

        var result = await RunWithVariableAsync(FromEnvironment, target.Probe.Clock, typeof(Targets.SetsAddress));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.AreEqual(new Uri(FromEnvironment), target.BaseAddress);
    }

    [TestMethod]
    public async Task RunAsync_EnvironmentVariableWithoutTrailingSlash_GetsOne()
    {
        var target = Targets.SetsAddress.Reset();

        var result = await RunWithVariableAsync(" http://127.0.0.1:5003/api ", target.Probe.Clock, typeof(Targets.SetsAddress));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.AreEqual("http://127.0.0.1:5003/api/", target.BaseAddress?.AbsoluteUri);
    }

    [TestMethod]
    public async Task RunAsync_InvalidEnvironmentVariable_FailsNamingItRunsNoLoadButRunsTeardown()
    {
        var target = Targets.SetsAddress.Reset();

        var result = await RunWithVariableAsync("not a url", target.Probe.Clock, typeof(Targets.SetsAddress));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.IsNull(result.Measurements);
        Assert.IsEmpty(result.Thresholds);
        Assert.AreEqual(0, target.Probe.Invocations, "no load runs against an address nobody meant");
        Assert.AreEqual(1, target.Probe.Setups);
        Assert.AreEqual(1, target.Probe.Teardowns, "teardown still cleans up what setup started");
        var problem = Assert.ContainsSingle(result.Problems);
        Assert.AreEqual($"Environment variable STRESSTEST_BASEURL = \"not a url\" is invalid: {Expected}", problem);
        Assert.Contains(problem, result.Verdict.FailureText);
    }

    [TestMethod]
    public async Task RunAsync_InvalidEnvironmentVariableButBaseUrlSetting_TheSettingIsUsed()
    {
        var target = Targets.SetsAddress.Reset();
        var settings = StressSettings.Default with { BaseUrl = new Uri(FromSetting) };

        var result = await RunWithVariableAsync("not a url", target.Probe.Clock, typeof(Targets.SetsAddress), settings);

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.AreEqual(new Uri(FromSetting), target.BaseAddress);
    }

    [TestMethod]
    public async Task RunAsync_SetupSetsFtpAddress_FailsNamingStressSetupContextBaseAddressRunsNoLoadButRunsTeardown()
    {
        var target = Targets.SetsFtpAddress.Reset();

        var result = await RunWithVariableAsync(null, target.Probe.Clock, typeof(Targets.SetsFtpAddress));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.IsNull(result.Measurements);
        Assert.AreEqual(0, target.Probe.Invocations);
        Assert.AreEqual(1, target.Probe.Teardowns);
        var problem = Assert.ContainsSingle(result.Problems);
        Assert.AreEqual($"[StressSetup] set StressSetupContext.BaseAddress = \"ftp://files.test/\", which is invalid: {Expected}", problem);
    }

    [TestMethod]
    public async Task RunAsync_SetupSetsRelativeAddress_FailsNamingStressSetupContextBaseAddress()
    {
        var target = Targets.SetsRelativeAddress.Reset();

        var result = await RunWithVariableAsync(null, target.Probe.Clock, typeof(Targets.SetsRelativeAddress));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.AreEqual(0, target.Probe.Invocations);
        Assert.AreEqual(1, target.Probe.Teardowns);
        Assert.StartsWith("[StressSetup] set StressSetupContext.BaseAddress = \"api/\", which is invalid", Assert.ContainsSingle(result.Problems));
    }

    [TestMethod]
    public async Task RunAsync_SetupThrowsAfterSettingAnInvalidAddress_ReportsOnlyTheSetupException()
    {
        var target = Targets.SetsFtpAddressThenThrows.Reset();

        var result = await RunWithVariableAsync(null, target.Probe.Clock, typeof(Targets.SetsFtpAddressThenThrows));

        Assert.AreEqual(RunOutcome.Failed, result.Outcome);
        Assert.AreEqual(0, target.Probe.Invocations);
        Assert.AreEqual(1, target.Probe.Teardowns);
        Assert.AreEqual(
            "[StressSetup] SetsFtpAddressThenThrows.Setup threw System.InvalidOperationException: port in use",
            Assert.ContainsSingle(result.Problems));
    }

    [TestMethod]
    public async Task RunAsync_NoAddressAnywhere_TheClientHasOnlyThePlaceholder()
    {
        var target = Targets.NoSetup.Reset();

        var result = await RunWithVariableAsync(null, target.Probe.Clock, typeof(Targets.NoSetup));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.IsTrue(target.Recorded);
        Assert.AreEqual(StressTest.Workers.Http.NoBaseAddress.Uri, target.BaseAddress, "a relative request then fails naming the fix (StressHttpClientTests)");
    }

    [TestMethod]
    public async Task RunAsync_RequestsFromTheTarget_PassTheGuardOnlyForAllowedHosts()
    {
        var target = Targets.Requests.Reset();
        var settings = StressSettings.Default with { AllowedHosts = ["stress-allowed.invalid"] };

        var result = await RunWithVariableAsync(null, target.Probe.Clock, typeof(Targets.Requests), settings);

        // The target catches the refusal, and the test still fails on it: a refused host is never acceptable load.
        Assert.AreEqual(RunOutcome.Failed, result.Outcome, result.Verdict.FailureText);
        var problem = Assert.ContainsSingle(result.Problems);
        Assert.StartsWith("StressTest refused to send a request to host \"example.com\"", problem);
        Assert.StartsWith("refused: StressTest refused to send a request to host \"example.com\"", Targets.Requests.ToOtherHost);
        Assert.AreEqual("cancelled", Targets.Requests.ToAllowedHost, "an allowed host passes the guard, and the cancelled token stops it there");
    }

    [TestMethod]
    public async Task RunAsync_SeveralWorkers_EachGetsItsClientWithTheRunsBaseAddress()
    {
        var target = Targets.SharedClient.Reset();

        var result = await RunWithVariableAsync(null, target.Probe.Clock, typeof(Targets.SharedClient));

        Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
        Assert.HasCount(3, Targets.SharedClient.Clients, "every worker ran");
        // Thin clients over the run's one handler pipeline: each carries its worker's measuring handler.
        Assert.HasCount(3, Targets.SharedClient.Clients.Values.Distinct(), "a client per worker");
        Assert.IsTrue(Targets.SharedClient.Clients.Values.All(c => c.BaseAddress == new Uri(FromSetup)));
    }

    [TestMethod]
    public async Task RunAsync_OpenModel_TheTargetSeesTheSetupsBaseAddress()
    {
        var target = Targets.OpenModel.Reset();
        var saved = Environment.GetEnvironmentVariable(BaseAddressResolver.Variable);
        Environment.SetEnvironmentVariable(BaseAddressResolver.Variable, null);
        try
        {
            var clock = target.Probe.Clock;
            var run = Runs.StartAsync(clock, Plans.Build(typeof(Targets.OpenModel), nameof(Targets.OpenModel.Run)));

            var result = await clock.DriveScheduledAsync(run, threads: 1);

            Assert.AreEqual(RunOutcome.Passed, result.Outcome, result.Verdict.FailureText);
            Assert.AreEqual(10, target.Probe.Invocations);
            Assert.AreEqual(new Uri(FromSetup), target.BaseAddress);
        }
        finally
        {
            Environment.SetEnvironmentVariable(BaseAddressResolver.Variable, saved);
        }
    }

    private static async Task<StressRunResult> RunWithVariableAsync(string? value, TestClock clock, Type target, StressSettings? settings = null)
    {
        var saved = Environment.GetEnvironmentVariable(BaseAddressResolver.Variable);
        Environment.SetEnvironmentVariable(BaseAddressResolver.Variable, value);
        try
        {
            return await Runs.RunAsync(clock, target, "Run", settings);
        }
        finally
        {
            Environment.SetEnvironmentVariable(BaseAddressResolver.Variable, saved);
        }
    }

    /// <summary>What a target saw of StressContext.Http on its first invocation.</summary>
    public sealed class Seen
    {
        private int _recorded;
        private Uri? _baseAddress;

        public TargetProbe Probe { get; } = new();

        public bool Recorded => Volatile.Read(ref _recorded) == 1;

        public Uri? BaseAddress => Volatile.Read(ref _baseAddress);

        /// <summary>Records the base address once, counts the invocation and advances the clock.</summary>
        public void Invoke(StressContext context)
        {
            Record(context);
            Probe.Clock.Step(context, TenMs);
        }

        /// <summary>Records the base address once and counts the invocation.</summary>
        public void Record(StressContext context)
        {
            Probe.Hit();
            if (Interlocked.CompareExchange(ref _recorded, 1, 0) == 0)
            {
                Volatile.Write(ref _baseAddress, context.Http.BaseAddress);
            }
        }
    }

    public static class Targets
    {
        public static class SeesAddress
        {
            public static Seen Target { get; private set; } = new();

            public static Uri? SeenBySetup { get; private set; }

            public static Seen Reset()
            {
                SeenBySetup = null;
                return Target = new Seen();
            }

            [StressSetup]
            public static void Setup(StressSetupContext setup) => SeenBySetup = setup.BaseAddress;

            [StressTest(Duration = "100ms")]
            public static void Run(StressContext context) => Target.Invoke(context);
        }

        public static class SetsAddress
        {
            public static Seen Target { get; private set; } = new();

            public static Seen Reset() => Target = new Seen();

            [StressSetup]
            public static void Setup(StressSetupContext setup)
            {
                Target.Probe.SetupRan();
                setup.BaseAddress = new Uri(FromSetup);
            }

            [StressTeardown]
            public static void Teardown() => Target.Probe.TeardownRan();

            [StressTest(Duration = "100ms")]
            public static void Run(StressContext context) => Target.Invoke(context);
        }

        public static class SetsFtpAddress
        {
            public static Seen Target { get; private set; } = new();

            public static Seen Reset() => Target = new Seen();

            [StressSetup]
            public static Task Setup(StressSetupContext setup, CancellationToken cancellationToken)
            {
                setup.BaseAddress = new Uri("ftp://files.test/");
                return Task.CompletedTask;
            }

            [StressTeardown]
            public static void Teardown() => Target.Probe.TeardownRan();

            [StressTest(Duration = "100ms")]
            public static void Run(StressContext context) => Target.Invoke(context);
        }

        public static class SetsRelativeAddress
        {
            public static Seen Target { get; private set; } = new();

            public static Seen Reset() => Target = new Seen();

            [StressSetup]
            public static void Setup(StressSetupContext setup) => setup.BaseAddress = new Uri("api/", UriKind.Relative);

            [StressTeardown]
            public static void Teardown() => Target.Probe.TeardownRan();

            [StressTest(Duration = "100ms")]
            public static void Run(StressContext context) => Target.Invoke(context);
        }

        public static class SetsFtpAddressThenThrows
        {
            public static Seen Target { get; private set; } = new();

            public static Seen Reset() => Target = new Seen();

            [StressSetup]
            public static void Setup(StressSetupContext setup)
            {
                setup.BaseAddress = new Uri("ftp://files.test/");
                throw new InvalidOperationException("port in use");
            }

            [StressTeardown]
            public static void Teardown() => Target.Probe.TeardownRan();

            [StressTest(Duration = "100ms")]
            public static void Run(StressContext context) => Target.Invoke(context);
        }

        public static class NoSetup
        {
            public static Seen Target { get; private set; } = new();

            public static Seen Reset() => Target = new Seen();

            [StressTest(Duration = "100ms")]
            public static void Run(StressContext context) => Target.Invoke(context);
        }

        public static class SharedClient
        {
            public static Seen Target { get; private set; } = new();

            public static ConcurrentDictionary<int, HttpClient> Clients { get; private set; } = new();

            public static Seen Reset()
            {
                Clients = new();
                return Target = new Seen();
            }

            [StressSetup]
            public static void Setup(StressSetupContext setup) => setup.BaseAddress = new Uri(FromSetup);

            [StressTest(Duration = "100ms", Concurrency = 3)]
            public static void Run(StressContext context)
            {
                Clients.TryAdd(context.WorkerId, context.Http);

                // The clock (and so the run) stands still until every worker has seen its client.
                TestClock.WaitUntil(() => Clients.Count == 3, "every worker to invoke");
                Target.Invoke(context);
            }
        }

        public static class OpenModel
        {
            public static Seen Target { get; private set; } = new();

            public static Seen Reset() => Target = new Seen();

            [StressSetup]
            public static void Setup(StressSetupContext setup) => setup.BaseAddress = new Uri(FromSetup);

            [StressTest(Rate = 100, Duration = "100ms")]
            public static Task Run(StressContext context)
            {
                Target.Record(context);
                return Task.CompletedTask;
            }
        }

        public static class Requests
        {
            private static volatile string? _toOtherHost;
            private static volatile string? _toAllowedHost;

            public static Seen Target { get; private set; } = new();

            public static string? ToOtherHost => _toOtherHost;

            public static string? ToAllowedHost => _toAllowedHost;

            public static Seen Reset()
            {
                _toOtherHost = null;
                _toAllowedHost = null;
                return Target = new Seen();
            }

            [StressTest(Duration = "100ms")]
            public static void Run(StressContext context)
            {
                if (context.Iteration == 0)
                {
                    _toOtherHost = Send(context.Http, "http://example.com/");
                    _toAllowedHost = Send(context.Http, "http://stress-allowed.invalid/");
                }

                Target.Invoke(context);
            }

            /// <summary>Sends with a cancelled token, so nothing that passes the guard goes out. HttpClient reports any
            /// failure of a cancelled request as a cancellation; the guard's refusal is its inner exception.</summary>
            private static string Send(HttpClient http, string url)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                try
                {
                    using var response = http.Send(request, new CancellationToken(canceled: true));
                    return "sent";
                }
                catch (Exception ex)
                {
                    for (var inner = ex; inner is not null; inner = inner.InnerException)
                    {
                        if (inner is HttpRequestException)
                        {
                            return "refused: " + inner.Message;
                        }
                    }

                    return ex is OperationCanceledException ? "cancelled" : "failed: " + ex;
                }
            }
        }
    }
}
