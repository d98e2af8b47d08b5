// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;

namespace StressTest.Workers;

/// <content>
/// The user's lifecycle code as the run's workers run it: which piece each worker is in (a constructor, a
/// <c>[StressWorkerSetup]</c>, a <c>[StressWorkerTeardown]</c>, a <c>Dispose</c>), the tokens it is handed, and the
/// handshake that says a worker will start no more invocations. The agent waits for none of it without a bound: when
/// <c>LifecycleTimeout</c> has passed it cancels these tokens and, after <c>ShutdownGrace</c>, names whatever is still
/// running and leaves it behind.
/// </content>
internal sealed partial class LoadRun
{
    private readonly TaskCompletionSource _allDrained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _teardown = new();
    private readonly ConcurrentDictionary<int, string> _phases = new();
    private CancellationToken _cancellation;
    private CancellationTokenSource _setup = new();
    private int _looping;
    private volatile bool _cutOff;

    /// <summary>Handed to <c>[StressWorkerSetup]</c>: cancelled with the run, or when the setups outlive LifecycleTimeout.</summary>
    public CancellationToken SetupToken => _setup.Token;

    /// <summary>Handed to <c>[StressWorkerTeardown]</c>: not the run's (cleaning up is the point), cancelled only when
    /// the teardowns outlive LifecycleTimeout.</summary>
    public CancellationToken TeardownToken => _teardown.Token;

    /// <summary>Completes when every worker (closed model) has left its loop: no invocation will start any more. Its
    /// teardown and Dispose may still be running.</summary>
    public Task AllDrained => _allDrained.Task;

    /// <summary>True once the load's end passed <c>ShutdownGrace</c> ago and the invocations still running had their
    /// tokens cancelled: those that return now are cut off (an error), not interrupted by a cancelled run.</summary>
    public bool IsCutOff => _cutOff;

    /// <summary>Marks the cut-off; call before cancelling the invocations still running.</summary>
    public void CutOff() => _cutOff = true;

    /// <summary>A worker left its invocation loop (or never entered it).</summary>
    public void ReportDrained()
    {
        if (Interlocked.Decrement(ref _looping) == 0)
        {
            _allDrained.TrySetResult();
        }
    }

    /// <summary>Worker <paramref name="worker"/> starts running <paramref name="phase"/> of the user's code.</summary>
    public void EnterPhase(int worker, string phase) => _phases[worker] = phase;

    /// <summary>Worker <paramref name="worker"/> is back in the engine's code.</summary>
    public void LeavePhase(int worker) => _phases.TryRemove(worker, out _);

    /// <summary>What the workers are running of the user's code right now, each piece once with how many run it:
    /// <c>[StressWorkerTeardown] ShopTests.Logout (3 workers)</c>. Empty when none is.</summary>
    public IReadOnlyList<string> PhasesNow() => _phases.Values
        .GroupBy(p => p, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ({g.Count()} workers)")
        .ToList();

    /// <summary>The setups outlived LifecycleTimeout: their token is cancelled.</summary>
    public void CancelSetups() => Cancel(_setup);

    /// <summary>The teardowns (or Dispose) outlived LifecycleTimeout: their token is cancelled.</summary>
    public void CancelTeardowns() => Cancel(_teardown);

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (AggregateException)
        {
            // A callback the user registered on the token threw; what matters is whether the code now returns.
        }
    }
}
