// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT


namespace StressTest.Transport.Contracts;

/// <summary>
/// The error taxonomy's categories: what kind of failure an error was, as the report's <c>errorsByType</c> names it.
/// Stable strings, not an enum, because they are written to the JSON report and read by people and scripts; renaming
/// one is a breaking change of the report.
/// </summary>
/// <remarks>
/// The category says what went wrong; <c>ErrorClass.Kind</c> is the finer grouping key shown to users (one
/// per HTTP status code, one per exception type). A server that is down shows as <see cref="ConnectionRefused"/>
/// rather than as a pile of <c>HttpRequestException</c>s, so the dominant problem is obvious at a glance.
/// </remarks>
internal static class ErrorCategories
{
    /// <summary>A response arrived with a status code the test does not accept (kind <c>HTTP 503</c>, per code).</summary>
    public const string Http = "http";

    /// <summary>The invocation ran past its <c>Timeout</c>, or a request or socket timed out.</summary>
    public const string Timeout = "timeout";

    /// <summary>Nothing listens at the address: the server is down or the port is wrong.</summary>
    public const string ConnectionRefused = "connection_refused";

    /// <summary>The server (or something in between) dropped the connection, possibly mid-response.</summary>
    public const string ConnectionReset = "connection_reset";

    /// <summary>The host name could not be resolved.</summary>
    public const string Dns = "dns";

    /// <summary>The TLS handshake failed (certificate, protocol version, cipher).</summary>
    public const string Tls = "tls";

    /// <summary>The operation was cancelled for a reason other than the invocation's timeout.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>An assertion in the user's method failed (MSTest's <c>Assert</c>): the server answered, but wrongly.</summary>
    public const string Check = "check";

    /// <summary>Any other exception, grouped by its type.</summary>
    public const string Exception = "exception";

    /// <summary>Still running after the shutdown grace period, and abandoned.</summary>
    public const string Stuck = "stuck";

    /// <summary>Still running after the shutdown grace period: its token was cancelled and it returned.</summary>
    public const string CutOff = "cut_off";
}
