// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;

namespace StressTest.Data.Feeding;

/// <summary>
/// What a take does when there is no record to give: inside a run it stops the load (failing the test, or not for
/// <see cref="FeedExhaustion.StopRun"/>) and cancels the invocation, which a stopping run neither measures nor counts
/// as an error; outside a run it is an exception.
/// </summary>
internal static class FeedSignals
{
    /// <summary>A <see cref="FeedStrategy.Unique"/> feeder has handed out every record.</summary>
    public static Exception Exhausted<T>(StressContext context, FeedSpec<T> spec, long used)
    {
        var message = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{spec.Description} ran out of records: all {used:N0} were used");
        var stopRun = spec.Options.WhenExhausted == FeedExhaustion.StopRun;
        return Stop(
            context,
            stopRun
                ? message + "; the load stopped early (WhenExhausted = StopRun) and the thresholds judge what ran."
                : message + " before the load ended. Supply more records, shorten the run, or set FeederOptions.WhenExhausted = StopRun to let the data bound it.",
            failure: !stopRun,
            () => new InvalidOperationException(message + "."));
    }

    /// <summary>A record could not be read: a bad row found while streaming, a file that went away.</summary>
    public static Exception Broken(StressContext context, Exception cause) =>
        Stop(context, $"A feeder could not read its next record, so the load stopped: {ErrorText.Describe(cause)}", failure: true, () => cause);

    private static Exception Stop(StressContext context, string message, bool failure, Func<Exception> outsideRun)
    {
        if (context.Scope is not { } scope)
        {
            return outsideRun();
        }

        scope.StopRun(message, failure);
        return new OperationCanceledException(message, context.CancellationToken);
    }
}
