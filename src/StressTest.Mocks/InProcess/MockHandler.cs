// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using StressTest.Mocks.Simulation;

namespace StressTest.Mocks.InProcess;

/// <summary>
/// The in-process form: answers the request from the <see cref="MockDependency"/>'s decision and never calls its
/// inner handler. Failures look as <c>SocketsHttpHandler</c>'s would, so the caller's error handling (and the stress
/// test's error taxonomy) sees what it would see from a real dependency.
/// </summary>
internal sealed class MockHandler(MockDependency dependency) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0] ?? "/";
        var decision = dependency.Decide(request.Method.Method, path);
        if (decision.Action == DecisionAction.Hang)
        {
            // Until the caller gives up: HttpClient's Timeout and the caller's token both cancel this token.
            await Task.Delay(Timeout.InfiniteTimeSpan, dependency.Time, cancellationToken).ConfigureAwait(false);
        }

        await dependency.Delays.DelayAsync(decision.Latency, cancellationToken).ConfigureAwait(false);
        if (decision.Action == DecisionAction.Reset)
        {
            // What SocketsHttpHandler throws when the peer resets the connection before the response.
            throw new HttpRequestException(
                HttpRequestError.Unknown,
                "An error occurred while sending the request.",
                new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset)));
        }

        var template = decision.Response!;
        HttpContent content = decision.Action == DecisionAction.Trickle
            ? new StreamContent(new TrickleStream(template.Body, decision.BytesPerSecond, dependency.Delays, dependency.Time))
            : new ByteArrayContent(template.Body);
        content.Headers.ContentLength = template.Body.Length;
        if (template.ContentType is { } contentType)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var response = new HttpResponseMessage((HttpStatusCode)template.Status) { Content = content, RequestMessage = request };
        foreach (var (name, value) in template.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (decision.RetryAfterHeader is { } retryAfter)
        {
            response.Headers.RetryAfter = RetryConditionHeaderValue.Parse(retryAfter);
        }

        return response;
    }
}
