// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using StressTest.Transport.Contracts;

namespace StressTest.Errors;

/// <summary>
/// Sorts an exception thrown by a stress-test invocation, or by one HTTP request in it, into the error taxonomy
/// (<see cref="ErrorCategories"/>). Users read "connection refused" and "HTTP 503", not a list of
/// <c>HttpRequestException</c>s whose first message happens to say why.
/// </summary>
/// <remarks>
/// <para>Order matters and is deliberate: the invocation's own timeout wins over whatever exception the cancelled
/// method then threw; an assertion is a check; cancellation is looked at on the outermost exception only (an
/// <c>HttpClient.Timeout</c> is a <see cref="TaskCanceledException"/> around a <see cref="TimeoutException"/>);
/// then the exception and its inner exceptions are searched, outermost first, for a transport cause. SocketsHttpHandler
/// nests them (<c>HttpRequestException</c> → <c>IOException</c> → <c>SocketException</c>), and so do database drivers
/// and other clients, so a refused connection is recognised whatever library the user's method calls.</para>
/// <para>A <c>ConnectionError</c> without a socket error we know is not guessed to be "refused": it stays an
/// exception of its type, with its message. Only the error path calls this; it allocates nothing but the kind text of
/// an unusual HTTP status code.</para>
/// </remarks>
internal static class ErrorClassifier
{
    private const int FirstStatusCode = 100;
    private const int LastStatusCode = 599;

    /// <summary>An invocation that ran past its Timeout.</summary>
    public static ErrorClass Timeout { get; } = new(ErrorCategories.Timeout, "timeout");
    private static readonly ErrorClass Refused = new(ErrorCategories.ConnectionRefused, "connection refused");
    private static readonly ErrorClass Reset = new(ErrorCategories.ConnectionReset, "connection reset");
    private static readonly ErrorClass Dns = new(ErrorCategories.Dns, "DNS/host");
    private static readonly ErrorClass Tls = new(ErrorCategories.Tls, "TLS");
    private static readonly ErrorClass Cancelled = new(ErrorCategories.Cancelled, "cancelled");
    private static readonly ErrorClass FailedCheck = new(ErrorCategories.Check, "failed check");

    /// <summary>
    /// MSTest's assertion exceptions, by full name: the engine must not reference a test framework, and users throw
    /// these from <c>Assert.AreEqual</c> and friends without thinking of them as errors of the system under test.
    /// </summary>
    private static readonly HashSet<string> CheckExceptionTypes = new(StringComparer.Ordinal)
    {
        "Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException",
        "Microsoft.VisualStudio.TestTools.UnitTesting.AssertInconclusiveException",
    };

    /// <summary>"HTTP nnn" per status code, created on first use: a failing server repeats the same few codes.</summary>
    private static readonly string?[] HttpKinds = new string?[LastStatusCode - FirstStatusCode + 1];

    /// <summary>Classifies <paramref name="exception"/>; never throws for any exception it is given.</summary>
    /// <param name="exception">What the invocation or the request threw.</param>
    /// <param name="timedOut">The invocation ran past its <c>Timeout</c> and was cancelled for it: whatever it threw
    /// then is a consequence, and the error is a timeout.</param>
    public static ErrorClass Classify(Exception exception, bool timedOut = false)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (timedOut)
        {
            return Timeout;
        }

        var root = Unwrap(exception);
        if (IsCheck(root))
        {
            return FailedCheck;
        }

        if (root is OperationCanceledException)
        {
            // HttpClient.Timeout surfaces as a cancellation with a TimeoutException inside; a cancelled token does not.
            return root.InnerException is TimeoutException ? Timeout : Cancelled;
        }

        for (Exception? e = root; e is not null; e = Inner(e))
        {
            if (Transport(e) is { } transport)
            {
                return transport;
            }
        }

        return new ErrorClass(ErrorCategories.Exception, TypeName(root));
    }

    /// <summary>
    /// <c>Task.Wait</c> and <c>.Result</c> wrap the real exception in an <see cref="AggregateException"/>; one with a
    /// single inner exception is that exception. One with several stays as it is (an exception of its type).
    /// </summary>
    private static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        return exception;
    }

    /// <summary>The next exception down the chain; none below an aggregate of several, whose causes may differ.</summary>
    private static Exception? Inner(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => aggregate.InnerExceptions[0],
        AggregateException => null,
        _ => e.InnerException,
    };

    /// <summary>The transport cause <paramref name="e"/> itself names, or null to look at its inner exception.</summary>
    private static ErrorClass? Transport(Exception e) => e switch
    {
        // EnsureSuccessStatusCode: the server answered, with a status the test did not accept.
        HttpRequestException { StatusCode: { } status } => Http((int)status),
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => Dns,
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => Tls,
        // The server closed the connection before the response was complete (or before it began).
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => Reset,
        // The same, noticed while the user's code was reading the body.
        HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } => Reset,
        SocketException socket => Socket(socket.SocketErrorCode),
        AuthenticationException => Tls,
        TimeoutException => Timeout,
        _ => null,
    };

    private static ErrorClass? Socket(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => Refused,
        SocketError.ConnectionReset or SocketError.ConnectionAborted => Reset,
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => Dns,
        SocketError.TimedOut => Timeout,
        _ => null,
    };

    /// <summary>
    /// By name, walking the base types, so the engine needs no reference to MSTest and a user's own subclass of
    /// <c>AssertFailedException</c> counts too.
    /// </summary>
    private static bool IsCheck(Exception exception)
    {
        for (var type = exception.GetType(); type is not null && type != typeof(Exception); type = type.BaseType)
        {
            if (type.FullName is { } name && CheckExceptionTypes.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A response with a status code the test does not accept: <c>HTTP 503</c>.</summary>
    public static ErrorClass HttpStatus(int status) => Http(status);

    private static ErrorClass Http(int status)
    {
        if (status is < FirstStatusCode or > LastStatusCode)
        {
            return new ErrorClass(ErrorCategories.Http, Format(status));
        }

        // A race on first use creates the same text twice; either copy is right.
        ref var kind = ref HttpKinds[status - FirstStatusCode];
        return new ErrorClass(ErrorCategories.Http, kind ??= Format(status));
    }

    private static string Format(int status) => "HTTP " + status.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The full name, as <see cref="Type.ToString"/> gives it: the same as <see cref="Type.FullName"/> for ordinary
    /// types, and without assembly-qualified type arguments for generic ones.
    /// </summary>
    private static string TypeName(Exception exception) => exception.GetType().ToString();
}
