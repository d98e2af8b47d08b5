// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;
using StressTest.Plan.Methods;

namespace StressTest.Tests;

/// <summary>
/// The user's lifecycle code, bounded (issue 16): it runs on a thread of its own, its token is cancelled when its time is
/// up, and it is abandoned when it does not return within the grace after that. Wall time, as in a run: a few hundred
/// milliseconds each.
/// </summary>
[TestClass]
public sealed class UserCodeTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [TestMethod]
    public async Task RunAsync_CodeReturns_Succeeded()
    {
        var result = await UserCode.RunAsync(_ => ValueTask.CompletedTask, Long, Short, TimeProvider.System, CancellationToken.None);

        Assert.IsTrue(result.Succeeded);
        Assert.IsNull(UserCodeText.Problem("[StressSetup] S.Setup", result, Long, Short));
    }

    [TestMethod]
    public async Task RunAsync_CodeThrows_FailureIsItsException()
    {
        var result = await UserCode.Run(_ => throw new InvalidOperationException("no database"), Long, Short, TimeProvider.System, CancellationToken.None);

        Assert.IsFalse(result.Succeeded);
        Assert.AreEqual("[StressSetup] S.Setup threw System.InvalidOperationException: no database", UserCodeText.Problem("[StressSetup] S.Setup", result, Long, Short));
    }

    [TestMethod]
    public async Task RunAsync_CodeOutlivesItsTimeoutButHonoursItsToken_IsCancelledAndNamed()
    {
        var result = await UserCode.RunAsync(token => new ValueTask(Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, token)), Short, Long, TimeProvider.System, CancellationToken.None);

        Assert.IsTrue(result.TimedOut);
        Assert.IsFalse(result.Abandoned);
        Assert.IsInstanceOfType<OperationCanceledException>(result.Failure);
        Assert.AreEqual(
            "[StressSetup] S.Setup did not finish within LifecycleTimeout (100 ms) and was cancelled; raise the StressTest.LifecycleTimeout setting if it needs longer.",
            UserCodeText.Problem("[StressSetup] S.Setup", result, Short, Long));
    }

    [TestMethod]
    public async Task RunAsync_SynchronousCodeThatNeverReturns_IsAbandonedWithoutHoldingTheCaller()
    {
        using var release = new ManualResetEventSlim(false);
        try
        {
            var result = await UserCode.Run(_ => release.Wait(), Short, Short, TimeProvider.System, CancellationToken.None).WaitAsync(Long);

            Assert.IsTrue(result.TimedOut);
            Assert.IsTrue(result.Abandoned);
            Assert.AreEqual(
                "[StressTeardown] S.Teardown did not finish within LifecycleTimeout (100 ms); its CancellationToken was cancelled and it was still running 100 ms later (ShutdownGrace), so it was abandoned. Make it honour its token, or raise the StressTest.LifecycleTimeout setting.",
                UserCodeText.Problem("[StressTeardown] S.Teardown", result, Short, Short));
        }
        finally
        {
            release.Set(); // lets the abandoned thread end
        }
    }

    [TestMethod]
    public async Task RunAsync_RunCancelledWhileTheCodeHonoursItsToken_IsNoProblem()
    {
        using var run = new CancellationTokenSource();
        var pending = UserCode.RunAsync(token => new ValueTask(Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, token)), Long, Long, TimeProvider.System, run.Token);

        await run.CancelAsync();
        var result = await pending.WaitAsync(Long);

        Assert.IsTrue(result.RunCancelled);
        Assert.IsFalse(result.TimedOut);
        Assert.IsFalse(result.Succeeded);
        Assert.IsNull(UserCodeText.Problem("[StressSetup] S.Setup", result, Long, Long), "a setup that stops when the run is cancelled did right");
    }

    [TestMethod]
    public async Task RunAsync_CodeRunsOnAThreadOfItsOwn()
    {
        var caller = Environment.CurrentManagedThreadId;
        var ran = 0;

        await UserCode.Run(_ => ran = Environment.CurrentManagedThreadId, Long, Short, TimeProvider.System, CancellationToken.None);

        Assert.AreNotEqual(0, ran);
        Assert.AreNotEqual(caller, ran, "a blocking method must be able to be left behind");
    }

    [TestMethod]
    public async Task RunAsync_CodeReturnsInTime_ReleasesItsDeadlineTimer()
    {
        var clock = new TestSupport.TestClock();

        await UserCode.RunAsync(_ => ValueTask.CompletedTask, Long, Short, clock, CancellationToken.None);

        Assert.AreEqual(0, clock.PendingOneShots, "a deadline left pending would keep a timer alive for minutes (and stall a fake clock's driver)");
    }

    [TestMethod]
    public void SafeMessage_MessageGetterThrows_NamesWhatItThrew()
    {
        Assert.AreEqual("(its Message property threw System.InvalidOperationException)", ErrorText.SafeMessage(new HostileException()));
        Assert.AreEqual("StressTest.Tests.UserCodeTests+HostileException: (its Message property threw System.InvalidOperationException)", ErrorText.Describe(new HostileException()));
    }

    private sealed class HostileException : Exception
    {
        public override string Message => throw new InvalidOperationException("no message");
    }
}
