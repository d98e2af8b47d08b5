// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace StressTest.Errors;

/// <summary>What a call of the user's code that did not simply succeed (<see cref="UserCodeResult"/>) becomes in a
/// result's message: it names the code, the limit it hit and the setting that moves the limit.</summary>
internal static class UserCodeText
{
    /// <summary>The problem, or null when the call succeeded (or only honoured a cancellation of the run).</summary>
    /// <param name="label">What ran: <c>[StressSetup] Shop.Seed</c>, <c>Disposing worker 3's ShopTests</c>.</param>
    /// <param name="result">How it ended.</param>
    /// <param name="timeout">The LifecycleTimeout it had.</param>
    /// <param name="grace">The ShutdownGrace it had after cancellation.</param>
    /// <param name="threw">What joins the label and the exception: <c>" threw "</c>, <c>" failed: "</c>, <c>": "</c>.</param>
    public static string? Problem(string label, UserCodeResult result, TimeSpan timeout, TimeSpan grace, string threw = " threw ")
    {
        if (result.Abandoned)
        {
            return result.TimedOut
                ? $"{label} did not finish within LifecycleTimeout ({Format(timeout)}); its CancellationToken was cancelled and it was still running {Format(grace)} later (ShutdownGrace), so it was abandoned. Make it honour its token, or raise the StressTest.LifecycleTimeout setting."
                : $"{label} was still running {Format(grace)} after the run was cancelled (ShutdownGrace), so it was abandoned: it does not honour its CancellationToken.";
        }

        if (result.TimedOut)
        {
            return $"{label} did not finish within LifecycleTimeout ({Format(timeout)}) and was cancelled; raise the StressTest.LifecycleTimeout setting if it needs longer.";
        }

        if (result.Failure is { } failure && !(result.RunCancelled && failure is OperationCanceledException))
        {
            return label + threw + ErrorText.Describe(failure);
        }

        return null;
    }

    private static string Format(TimeSpan span) =>
        span < TimeSpan.FromSeconds(1)
            ? span.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms"
            : span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
