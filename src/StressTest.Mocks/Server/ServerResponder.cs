// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using StressTest.Mocks.InProcess;
using StressTest.Mocks.Simulation;

namespace StressTest.Mocks.Server;

/// <summary>The server form: carries out a <see cref="Decision"/> on a Kestrel request.</summary>
internal static class ServerResponder
{
    public static async Task RespondAsync(HttpContext context, MockDependency dependency, CancellationToken stopping)
    {
        var decision = dependency.Decide(context.Request.Method, context.Request.Path.Value ?? "/");
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var token = waiting.Token;
        try
        {
            if (decision.Action == DecisionAction.Hang)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, dependency.Time, token).ConfigureAwait(false);
            }

            await dependency.Delays.DelayAsync(decision.Latency, token).ConfigureAwait(false);
            if (decision.Action == DecisionAction.Reset)
            {
                Reset(context);
                return;
            }

            var template = decision.Response!;
            var response = context.Response;
            response.StatusCode = template.Status;
            response.ContentLength = template.Body.Length;
            response.ContentType = template.ContentType;
            foreach (var (name, value) in template.Headers)
            {
                response.Headers.Append(name, value);
            }

            if (decision.RetryAfterHeader is { } retryAfter)
            {
                response.Headers.RetryAfter = retryAfter;
            }

            if (decision.Action == DecisionAction.Trickle)
            {
                await response.StartAsync(token).ConfigureAwait(false);
                var trickle = new TrickleStream(template.Body, decision.BytesPerSecond, dependency.Delays, dependency.Time);
                await using (trickle.ConfigureAwait(false))
                {
                    // Kestrel flushes every write of the response stream, so each chunk leaves when it is due.
                    await trickle.CopyToAsync(response.Body, token).ConfigureAwait(false);
                }
            }
            else
            {
                await response.Body.WriteAsync(template.Body, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The caller gave up or the mock is stopping: no answer, as from a dependency that never answered.
            context.Abort();
        }
    }

    /// <summary>A reset, not a polite close: with a zero linger time, closing the socket sends RST, so the client
    /// sees "connection reset by peer" as from a crashed dependency or a load balancer dropping it.</summary>
    private static void Reset(HttpContext context)
    {
        if (context.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            try
            {
                socket.LingerState = new LingerOption(enable: true, seconds: 0);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Already gone: aborting below is all that is left to do.
            }
        }

        context.Abort();
    }
}
