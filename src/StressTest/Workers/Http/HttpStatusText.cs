// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Net;

namespace StressTest.Workers.Http;

/// <summary>The message of an invocation that got a response with a status code the test does not accept.</summary>
internal static class HttpStatusText
{
    public static string Describe(string? endpoint, int statusCode)
    {
        var reason = Enum.IsDefined((HttpStatusCode)statusCode) ? " (" + (HttpStatusCode)statusCode + ")" : string.Empty;
        return $"{endpoint ?? "A request"} answered {statusCode.ToString(CultureInfo.InvariantCulture)}{reason}, which the test does not accept. Accept it with [StressTest(AcceptStatus = \"2xx, {statusCode.ToString(CultureInfo.InvariantCulture)}\")] if it is a valid answer.";
    }
}
