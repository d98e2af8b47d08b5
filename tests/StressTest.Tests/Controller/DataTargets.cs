// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using StressTest.Data;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Controller;

/// <summary>The stress-test classes <see cref="StressControllerDataTests"/> runs; each advances its probe's clock by
/// 10 ms per invocation.</summary>
public static class DataTargets
{
    private static readonly TimeSpan TenMs = TimeSpan.FromMilliseconds(10);

    public sealed record Seeded(string Value);

    public sealed record Row(string Key, string Name, string City);

    public static class HandsData
    {
        private static State _state = new();

        public static TargetProbe Probe => _state.Probe;

        public static State Reset() => _state = new State();

        [StressSetup]
        public static void Setup(StressSetupContext setup)
        {
            _state.SetupRunId = setup.RunId;
            setup.Set(new Seeded("seeded"));
            setup.Set(new Tracker(_state.Events));
        }

        [StressTeardown]
        public static void Teardown(StressSetupContext setup)
        {
            _state.TeardownRunId = setup.RunId;
            _state.Events.Enqueue("teardown saw " + setup.Get<Seeded>().Value);
        }

        [StressTest(Duration = "1s", Concurrency = 2)]
        public static void Run(StressContext ctx)
        {
            _state.WorkersSaw.Add(ctx.Get<Seeded>().Value);
            _state.WorkerCount = ctx.WorkerCount;
            Probe.Clock.Step(ctx, TenMs);
        }

        public sealed class State
        {
            public TargetProbe Probe { get; } = new();

            public ConcurrentQueue<string> Events { get; } = new();

            public ConcurrentBag<string> WorkersSaw { get; } = [];

            public string? SetupRunId { get; set; }

            public string? TeardownRunId { get; set; }

            public int WorkerCount { get; set; }
        }

        private sealed class Tracker(ConcurrentQueue<string> events) : IAsyncDisposable
        {
            public ValueTask DisposeAsync()
            {
                events.Enqueue("disposed");
                return default;
            }
        }
    }

    public static class UniqueStopRun
    {
        public static TargetProbe Probe { get; set; } = new();

        [StressSetup]
        public static void Setup(StressSetupContext setup) =>
            setup.Set(Feeder.From(Enumerable.Range(0, 50), FeedStrategy.Unique, new FeederOptions { WhenExhausted = FeedExhaustion.StopRun }));

        [StressTeardown]
        public static void Teardown() => Probe.TeardownRan();

        [StressTest(Duration = "10s")]
        public static void Run(StressContext ctx)
        {
            ctx.Feed<int>();
            Probe.Clock.Step(ctx, TenMs);
        }

        /// <summary>The same as an async method completing later: the unpaced closed model chains its invocations
        /// (InvocationChain), and the feeder's end must stop the chain too.</summary>
        [StressTest(Duration = "10s")]
        public static async Task RunAsync(StressContext ctx)
        {
            await Task.Yield();
            Run(ctx);
        }
    }

    public static class UniqueFail
    {
        public static TargetProbe Probe { get; set; } = new();

        [StressSetup]
        public static void Setup(StressSetupContext setup) => setup.Set(Feeder.From(Enumerable.Range(0, 20), FeedStrategy.Unique));

        [StressTest(Duration = "10s")]
        public static void Run(StressContext ctx)
        {
            ctx.Feed<int>();
            Probe.Clock.Step(ctx, TenMs);
        }
    }

    public static class BadRow
    {
        public static TargetProbe Probe { get; set; } = new();

        public static string Path { get; set; } = string.Empty;

        [StressSetup]
        public static void Setup(StressSetupContext setup) =>
            setup.Set(Feeder.FromCsv<IdRow>(Path, FeedStrategy.Unique, new FeederOptions { WindowSize = 2 }));

        [StressTeardown]
        public static void Teardown() => Probe.TeardownRan();

        [StressTest(Duration = "10s")]
        public static void Run(StressContext ctx)
        {
            ctx.Feed<IdRow>();
            Probe.Clock.Step(ctx, TenMs);
        }

        public sealed record IdRow(int Id);
    }

    public static class EmptyFile
    {
        public static TargetProbe Probe { get; set; } = new();

        public static string Path { get; set; } = string.Empty;

        [StressSetup]
        public static void Setup(StressSetupContext setup) => setup.Set(Feeder.FromCsv<Row>(Path, FeedStrategy.Circular));

        [StressTeardown]
        public static void Teardown() => Probe.TeardownRan();

        [StressTest(Duration = "1s")]
        public static void Run(StressContext ctx)
        {
            Probe.Hit();
            Probe.Clock.Step(ctx, TenMs);
        }
    }

    public sealed class WorkerLifecycle : IDisposable
    {
        private string? _token;
        private int _worker = -1;

        public static TargetProbe Probe { get; private set; } = new();

        public static ConcurrentQueue<string> Events { get; private set; } = new();

        public static ConcurrentBag<string> UniqueIds { get; private set; } = [];

        public static TargetProbe Reset()
        {
            Events = new();
            UniqueIds = [];
            return Probe = new TargetProbe();
        }

        [StressTeardown]
        public static void ClassTeardown() => Events.Enqueue("class teardown");

        [StressWorkerSetup]
        public void LogIn(StressContext ctx)
        {
            _worker = ctx.WorkerId;
            _token = "token-" + ctx.WorkerId;
            Events.Enqueue($"setup {ctx.WorkerId} {ctx.UniqueId}");
        }

        [StressWorkerTeardown]
        public async Task LogOutAsync(StressContext ctx, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Events.Enqueue($"teardown {ctx.WorkerId}");
        }

        [StressTest(Duration = "1s", Concurrency = 3)]
        public void Run(StressContext ctx)
        {
            if (_token != "token-" + ctx.WorkerId)
            {
                throw new InvalidOperationException("the worker's setup did not run on this instance first");
            }

            UniqueIds.Add(ctx.UniqueId);
            Probe.Clock.Step(ctx, TenMs);
        }

        public void Dispose() => Events.Enqueue($"dispose {_worker}");
    }

    /// <summary>An async method in the unpaced closed model: each worker chains its invocations on the threads that
    /// complete them (InvocationChain), and its lifecycle must still wrap them all.</summary>
    public sealed class ChainedWorkerLifecycle : IDisposable
    {
        private string? _token;
        private int _worker = -1;

        public static TargetProbe Probe { get; private set; } = new();

        public static ConcurrentQueue<string> Events { get; private set; } = new();

        public static TargetProbe Reset()
        {
            Events = new();
            return Probe = new TargetProbe();
        }

        [StressTeardown]
        public static void ClassTeardown() => Events.Enqueue("class teardown");

        [StressWorkerSetup]
        public async Task LogInAsync(StressContext ctx)
        {
            await Task.Yield();
            _worker = ctx.WorkerId;
            _token = "token-" + ctx.WorkerId;
            Events.Enqueue($"setup {ctx.WorkerId}");
        }

        [StressWorkerTeardown]
        public void LogOut(StressContext ctx) => Events.Enqueue($"teardown {ctx.WorkerId}");

        [StressTest(Duration = "1s", Concurrency = 2)]
        public async Task Run(StressContext ctx)
        {
            if (_token != "token-" + ctx.WorkerId)
            {
                throw new InvalidOperationException("the worker's setup did not run on this instance first");
            }

            Events.Enqueue($"run {ctx.WorkerId}");
            Probe.Clock.Step(ctx, TenMs);
            await Task.Yield(); // completes later, on a pool thread: the chain continues there
        }

        public void Dispose() => Events.Enqueue($"dispose {_worker}");
    }

    public sealed class WorkerSetupThrows
    {
        private static int _teardowns;

        public static TargetProbe Probe { get; private set; } = new();

        public static int Teardowns => Volatile.Read(ref _teardowns);

        public static TargetProbe Reset()
        {
            _teardowns = 0;
            return Probe = new TargetProbe();
        }

        [StressTeardown]
        public static void ClassTeardown() => Probe.TeardownRan();

        [StressWorkerSetup]
        public void LogIn(StressContext ctx)
        {
            if (ctx.WorkerId == 1)
            {
                throw new InvalidOperationException("no account for worker 1");
            }
        }

        [StressWorkerTeardown]
        public void LogOut() => Interlocked.Increment(ref _teardowns);

        [StressTest(Duration = "1s", Concurrency = 3)]
        public void Run(StressContext ctx)
        {
            Probe.Hit();
            Probe.Clock.Step(ctx, TenMs);
        }
    }

    public sealed class WorkerTeardownThrows
    {
        public static TargetProbe Probe { get; set; } = new();

        [StressWorkerTeardown]
        public void LogOut() => throw new InvalidOperationException("session already closed");

        [StressTest(Duration = "1s", Concurrency = 2)]
        [Threshold("count > 10")]
        public void Run(StressContext ctx) => Probe.Clock.Step(ctx, TenMs);
    }

    public sealed class CancelledLifecycle
    {
        private static int _workerTeardowns;

        public static TargetProbe Probe { get; private set; } = new();

        public static CancellationTokenSource Source { get; set; } = new();

        public static int WorkerTeardowns => Volatile.Read(ref _workerTeardowns);

        public static TargetProbe Reset()
        {
            _workerTeardowns = 0;
            return Probe = new TargetProbe();
        }

        [StressTeardown]
        public static void ClassTeardown() => Probe.TeardownRan();

        [StressWorkerTeardown]
        public void LogOut() => Interlocked.Increment(ref _workerTeardowns);

        [StressTest(Duration = "10s", Concurrency = 2)]
        public void Run(StressContext ctx)
        {
            if (Probe.Hit() == 30)
            {
                Source.Cancel();
                return;
            }

            Probe.Clock.Step(ctx, TenMs);
        }
    }

    public sealed class OpenLifecycle
    {
        public static TargetProbe Probe { get; private set; } = new();

        public static ConcurrentBag<int> SetUp { get; private set; } = [];

        public static ConcurrentBag<int> TornDown { get; private set; } = [];

        public static int WorkerCount { get; private set; }

        public static TargetProbe Reset()
        {
            SetUp = [];
            TornDown = [];
            return Probe = new TargetProbe();
        }

        [StressWorkerSetup]
        public Task LogInAsync(StressContext ctx)
        {
            SetUp.Add(ctx.WorkerId);
            WorkerCount = ctx.WorkerCount;
            return Task.CompletedTask;
        }

        [StressWorkerTeardown]
        public void LogOut(StressContext ctx) => TornDown.Add(ctx.WorkerId);

        /// <summary>A completed task, not void: it runs on the pacer thread. A void method would run on slot threads the
        /// fake clock does not wait for, and the shutdown grace could pass before the last one picked its invocation up.</summary>
        [StressTest(Rate = 10, Duration = "1s", MaxConcurrency = 4)]
        public Task Run()
        {
            Probe.Hit();
            return Task.CompletedTask;
        }
    }
}
