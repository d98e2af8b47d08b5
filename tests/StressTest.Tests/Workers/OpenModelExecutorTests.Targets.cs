// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using StressTest.Plan.Rules.Thresholds;
using StressTest.Tests.TestSupport;

namespace StressTest.Tests.Workers;

/// <summary>
/// The open model end to end (controller, in-process agent, pacer, slot pool) on a fake clock that jumps straight to
/// each wake-up (<see cref="TestClock.DriveScheduledAsync"/>): the pacer wakes exactly at every intended start, so
/// arrival counts, start times and latencies are exact. Targets return a completed task unless a test says
/// otherwise, so they take no time and run on the pacer thread.
/// </summary>

/// <summary>The stress-test targets of <see cref="OpenModelExecutorTests"/>: one class each, since every target carries its own
/// attribute and keeps its own recorder.</summary>
public sealed partial class OpenModelExecutorTests
{
    public static class Targets
    {
        /// <summary>What a target saw; each target class has its own, replaced by the test that uses it.</summary>
        public sealed class Recorder
        {
            private readonly ConcurrentQueue<(long Iteration, TimeSpan At)> _seen = new();
            private readonly ConcurrentQueue<TaskCompletionSource> _held = new();
            private volatile bool _released;

            public TargetProbe Probe { get; } = new();

            /// <summary>When the token of the first invocation was cancelled, in fake time.</summary>
            public TimeSpan? CancelledAt { get; private set; }

            /// <summary>Held until <see cref="ReleaseAll"/>. One task per invocation: a task awaited by several
            /// would resume all but one of them on the thread pool, after the test's clock has moved on.</summary>
            public Task Held()
            {
                var hold = new TaskCompletionSource();
                _held.Enqueue(hold);
                if (_released)
                {
                    hold.TrySetResult();
                }

                return hold.Task;
            }

            public void Saw(StressContext context)
            {
                Probe.Hit();
                _seen.Enqueue((context.Iteration, Probe.Clock.Elapsed));
            }

            public void WatchToken(StressContext context) =>
                context.CancellationToken.Register(() => CancelledAt ??= Probe.Clock.Elapsed);

            /// <summary>Completes every held invocation on the calling thread, in the order they started.</summary>
            public void ReleaseAll()
            {
                _released = true;
                while (_held.TryDequeue(out var hold))
                {
                    hold.TrySetResult();
                }
            }

            public long[] Iterations() => _seen.Select(s => s.Iteration).ToArray();

            public TimeSpan[] StartTimes() => _seen.Select(s => s.At).ToArray();
        }

        public static class Uniform100
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Rate = 100, Duration = "1s")]
            public static Task Run(StressContext context)
            {
                _recorder.Saw(context);
                return Task.CompletedTask;
            }
        }

        public static class NoTime
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Rate = 100, Duration = "1s")]
            public static Task Run(StressContext context)
            {
                _recorder.Saw(context);
                return Task.CompletedTask;
            }
        }

        public static class HoldsPacer
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Rate = 100, Duration = "1s")]
            public static Task Run(StressContext context)
            {
                _recorder.Saw(context);
                if (context.Iteration == 0)
                {
                    _recorder.Probe.Clock.Step(context, TimeSpan.FromMilliseconds(50));
                }

                return Task.CompletedTask;
            }
        }

        public static class Ramp
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Model = LoadModel.Open, Stages = "1s:100, 1s:100")]
            public static ValueTask Run(StressContext context)
            {
                _recorder.Saw(context);
                return ValueTask.CompletedTask;
            }
        }

        public static class Poisson
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Rate = 100, Duration = "1s", Arrivals = Arrivals.Poisson)]
            public static Task Run(StressContext context)
            {
                _recorder.Saw(context);
                return Task.CompletedTask;
            }
        }

        public static class WarmUp
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Rate = 100, Duration = "1s", WarmUp = "500ms")]
            public static Task Run(StressContext context)
            {
                _recorder.Saw(context);
                return Task.CompletedTask;
            }
        }

        public static class StagedWarmUp
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Model = LoadModel.Open, Stages = "1s:100", WarmUp = "1s")]
            public static Task Run(StressContext context)
            {
                _recorder.Saw(context);
                return Task.CompletedTask;
            }
        }

        public static class Capped
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Rate = 100, Duration = "1s", MaxConcurrency = 5)]
            public static async Task Run(StressContext context)
            {
                _recorder.Saw(context);
                await _recorder.Held();
            }
        }

        public static class CappedWithThresholds
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Rate = 100, Duration = "1s", MaxConcurrency = 5)]
            [Threshold("dropped == 95")]
            [Threshold("dropped == 0")]
            [Threshold("dropped_rate <= 95%")]
            [Threshold("dropped_rate < 95%")]
            [Threshold("count == 5")]
            public static async Task Run(StressContext context)
            {
                _recorder.Saw(context);
                await _recorder.Held();
            }
        }

        public static class CappedWarmUp
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Rate = 100, Duration = "1s", WarmUp = "500ms", MaxConcurrency = 1)]
            public static async Task Run(StressContext context)
            {
                _recorder.Saw(context);
                if (context.Iteration == 0)
                {
                    await _recorder.Held();
                }
            }
        }

        public static class Hangs
        {
            private static Recorder _recorder = new();

            public static Recorder Reset() => _recorder = new();

            [StressTest(Rate = 1, Duration = "1s")]
            public static async Task Run(StressContext context)
            {
                _recorder.Saw(context);
                _recorder.WatchToken(context);
                await _recorder.Held(); // ignores the token on purpose
            }
        }

        public static class Synchronous
        {
            public static TargetProbe Probe { get; set; } = new();

            public static ConcurrentBag<long> Iterations { get; set; } = [];

            [StressTest(Rate = 100, Duration = "1s")]
            public static void Run(StressContext context)
            {
                Iterations.Add(context.Iteration);
                Probe.Clock.Step(context, TenMs);
            }
        }
    }
}
