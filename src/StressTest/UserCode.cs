// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>
/// Runs a piece of the user's code that the engine has to wait for (a lifecycle method, a <c>Dispose</c>, a
/// dependency's reader) so that it cannot hang the run: on a thread of its own, with a token that is cancelled when
/// <c>timeout</c> has passed (or the run is cancelled), and abandoned when it is still running <c>grace</c> after that.
/// </summary>
/// <remarks>
/// A thread of its own, not the caller's: a synchronous method that blocks (<c>Thread.Sleep</c>, <c>.Wait()</c>) can
/// then be left behind, which it could not be on the thread that waits for it. One thread per call costs ~0.1 ms,
/// paid per lifecycle call, never per invocation. The deadline's timer is created before this returns, so a run on a
/// fake clock reaches it when the clock is advanced. An abandoned call keeps its (background) thread and its token;
/// nothing waits for it again.
/// </remarks>
internal static class UserCode
{
    /// <summary>Starts <paramref name="code"/> and waits for it within the limits; never throws for what it does.</summary>
    /// <param name="code">The user's code, given the token to honour.</param>
    /// <param name="timeout">How long it may run before its token is cancelled.</param>
    /// <param name="grace">How long it may still run after its token was cancelled.</param>
    /// <param name="time">The clock of the limits.</param>
    /// <param name="cancellationToken">The run's cancellation: cancels the code's token too (the grace then starts).</param>
    public static Task<UserCodeResult> RunAsync(Func<CancellationToken, ValueTask> code, TimeSpan timeout, TimeSpan grace, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(time);
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var done = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = cancel.Token;
        new Thread(() => Start(code, done, token)) { IsBackground = true, Name = "StressTest user code" }.Start();

        // Released as soon as the code returns: a long deadline left pending would keep a timer alive for minutes.
        var release = new CancellationTokenSource();
        var deadline = Task.Delay(timeout, time, release.Token);
        return WaitAsync(done.Task, deadline, release, cancel, grace, time, cancellationToken);
    }

    /// <summary>The same for synchronous code.</summary>
    public static Task<UserCodeResult> Run(Action<CancellationToken> code, TimeSpan timeout, TimeSpan grace, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        return RunAsync(token => { code(token); return default; }, timeout, grace, time, cancellationToken);
    }

    private static void Start(Func<CancellationToken, ValueTask> code, TaskCompletionSource<Exception?> done, CancellationToken token)
    {
        try
        {
            var pending = code(token);
            if (pending.IsCompleted)
            {
                pending.GetAwaiter().GetResult();
                done.TrySetResult(null);
                return;
            }

            pending.AsTask().ContinueWith(
                static (task, state) => ((TaskCompletionSource<Exception?>)state!).TrySetResult(Observe(task)),
                done,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        catch (Exception ex)
        {
            done.TrySetResult(ex);
        }
    }

    private static async Task<UserCodeResult> WaitAsync(Task<Exception?> done, Task deadline, CancellationTokenSource release, CancellationTokenSource cancel, TimeSpan grace, TimeProvider time, CancellationToken cancellationToken)
    {
        var runCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), runCancelled))
        using (release)
        {
            await Task.WhenAny(done, deadline, runCancelled.Task).ConfigureAwait(false);
            var timedOut = deadline.IsCompletedSuccessfully;
            await release.CancelAsync().ConfigureAwait(false);
            if (!done.IsCompleted)
            {
                return await AbandonAsync(done, timedOut, cancel, grace, time).ConfigureAwait(false);
            }
        }

        cancel.Dispose();
        return new UserCodeResult(await done.ConfigureAwait(false), TimedOut: false, cancellationToken.IsCancellationRequested, Abandoned: false);
    }

    /// <summary>The code outlived its time: its token is cancelled, and it is left behind if it does not return within the grace.</summary>
    private static async Task<UserCodeResult> AbandonAsync(Task<Exception?> done, bool timedOut, CancellationTokenSource cancel, TimeSpan grace, TimeProvider time)
    {
        try
        {
            await cancel.CancelAsync().ConfigureAwait(false);
        }
        catch (AggregateException)
        {
            // A callback the user registered on the token threw; what matters is whether the code now returns.
        }

        using var release = new CancellationTokenSource();
        var returned = await Task.WhenAny(done, Task.Delay(grace, time, release.Token)).ConfigureAwait(false) == done;
        await release.CancelAsync().ConfigureAwait(false);
        if (returned)
        {
            cancel.Dispose();
            return new UserCodeResult(await done.ConfigureAwait(false), timedOut, !timedOut, Abandoned: false);
        }

        // Still running: its thread and token are left to it (the source is not disposed under it).
        return new UserCodeResult(null, timedOut, !timedOut, Abandoned: true);
    }

    private static Exception? Observe(Task task)
    {
        try
        {
            task.GetAwaiter().GetResult();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}

/// <summary>How a call of the user's code ended (<see cref="UserCode"/>).</summary>
/// <param name="Failure">What it threw; null when it returned (or was abandoned).</param>
/// <param name="TimedOut">It ran past its timeout, and its token was cancelled for that.</param>
/// <param name="RunCancelled">The run was cancelled while it ran, and its token with it.</param>
/// <param name="Abandoned">It was still running after the grace that followed the cancellation: left behind.</param>
internal readonly record struct UserCodeResult(Exception? Failure, bool TimedOut, bool RunCancelled, bool Abandoned)
{
    /// <summary>It returned on its own, without throwing, before any limit.</summary>
    public bool Succeeded => Failure is null && !TimedOut && !RunCancelled && !Abandoned;
}
