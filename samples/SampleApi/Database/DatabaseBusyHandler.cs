// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;

namespace SampleApi.Database;

/// <summary>
/// Answers SQLite's "database is locked" (busy, error 5; locked, error 6) with 503 Service Unavailable and a
/// <c>Retry-After</c>: the request may succeed when retried, unlike a 500. The problem's detail carries SQLite's
/// message, so a client (and a stress test's error breakdown) sees the cause.
/// </summary>
internal sealed class DatabaseBusyHandler(IProblemDetailsService problems) : IExceptionHandler
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } busy)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "database is locked",
                Detail = busy.Message,
            },
        });
    }
}
