// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Errors;

/// <summary>
/// How a failure becomes text that may be shown: redacted, one line, bounded, with the cause named. Every room that turns
/// an exception or a server's words into a message goes through here, so no secret and no unbounded text escapes.
/// </summary>
internal static class ErrorText
{
    /// <summary>Longest message kept: messages may come from a server and are never trusted to be short.</summary>
    public const int MaxMessageLength = 500;

    /// <summary>The exception's message followed by its inner exceptions' (up to three): HttpClient's own message
    /// ("An error occurred while sending the request.") says nothing; the cause is further in.</summary>
    public static string Message(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = SafeMessage(exception);
        var depth = 0;
        for (var inner = exception.InnerException; inner is not null && depth < 3; inner = inner.InnerException, depth++)
        {
            var innerMessage = SafeMessage(inner);
            if (!message.Contains(innerMessage, StringComparison.Ordinal))
            {
                message += " → " + innerMessage;
            }
        }

        return message;
    }

    /// <summary>The exception's message; never throws. A user's exception may override <c>Message</c> with code that
    /// throws (or returns null): read unguarded on the error path, that lost the error itself (counted as 0 errors).</summary>
    public static string SafeMessage(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        try
        {
            return exception.Message ?? string.Empty;
        }
        catch (Exception failure)
        {
            return $"(its Message property threw {failure.GetType().FullName})";
        }
    }

    /// <summary>The exception that matters: the single inner exception of an <see cref="AggregateException"/>.</summary>
    public static Exception Root(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;

    /// <summary>"Type: message", cleaned: how a failure outside an invocation is named in the result.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.GetType().FullName + ": " + Truncate(SafeMessage(exception));
    }

    /// <summary>Untrusted text made fit for a message: secrets redacted (before cutting, so a cut cannot hide one
    /// from the redactor), one line, at most <see cref="MaxMessageLength"/> characters.</summary>
    public static string Truncate(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return string.Empty;
        }

        var flat = Redactor.Redact(message).ReplaceLineEndings(" ");
        return flat.Length <= MaxMessageLength ? flat : string.Concat(flat.AsSpan(0, MaxMessageLength), "…");
    }
}
