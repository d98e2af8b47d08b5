// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Monitoring.Generator;

namespace StressTest.Workers;

/// <summary>
/// Lends the thread pool threads after a load whose code starved it, so the run can end. The timeline itself never
/// needs the pool (<see cref="AgentClock"/>), but what follows the load does (the controller's continuations, teardown,
/// the reports), and it would queue behind the test's blocked work: a 2-s test blocking in <c>.Wait()</c> at 200/s then
/// took 47 s to end, the pool adding a thread or two a second. Raising the pool's minimum creates threads at once;
/// the old minimum is restored as soon as the queue has emptied (at most a minute later).
/// </summary>
internal static class ThreadPoolRelief
{
    private const int MaxLent = 1_000;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxLoan = TimeSpan.FromMinutes(1);
    private static int _lending;

    /// <summary>Lends threads when work is waiting for the pool now; a loan already running is left alone.</summary>
    /// <returns>True when threads were lent.</returns>
    public static bool LendIfStarved()
    {
        var queued = ThreadPool.PendingWorkItemCount;
        if (queued < ThreadPoolStarvation.MinQueue || Interlocked.Exchange(ref _lending, 1) == 1)
        {
            return false;
        }

        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        var minimum = ThreadPool.ThreadCount + (int)Math.Min(queued, MaxLent);
        if (minimum <= workers || !ThreadPool.SetMinThreads(minimum, completionPorts))
        {
            Volatile.Write(ref _lending, 0);
            return false;
        }

        new Thread(() => Restore(workers, completionPorts)) { IsBackground = true, Name = "StressTest pool relief" }.Start();
        return true;
    }

    private static void Restore(int workers, int completionPorts)
    {
        using var pause = new ManualResetEventSlim(false);
        var waited = TimeSpan.Zero;
        var empty = 0;
        while (waited < MaxLoan && empty < 10)
        {
            pause.Wait(Poll);
            waited += Poll;
            empty = ThreadPool.PendingWorkItemCount == 0 ? empty + 1 : 0;
        }

        ThreadPool.SetMinThreads(workers, completionPorts);
        Volatile.Write(ref _lending, 0);
    }
}
