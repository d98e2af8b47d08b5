// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Runtime.CompilerServices;
using StressTest.Workers.Recording;

namespace StressTest.Workers.Http;

/// <summary>
/// Finds the endpoint a request is recorded under, for one slot's client. Most invocations send the same few URLs
/// over and over, so the last URL's endpoint is kept: a request to it costs one string comparison instead of naming
/// the path (a string per request) and a dictionary lookup.
/// </summary>
/// <remarks>
/// The cache is one immutable entry swapped whole, because a slot's invocation may send requests concurrently
/// (<c>Task.WhenAll</c>); a stale read only costs a miss. A name given with <see cref="StressHttp.EndpointName"/> wins
/// and bypasses the cache. Reading <see cref="HttpRequestMessage.Options"/> would create the request's options
/// dictionary when it has none (most requests): the field is read instead, so an unnamed request allocates nothing here.
/// </remarks>
internal sealed class EndpointResolver(InvocationSlot slot, HttpOptions options)
{
    // Computed once: HttpOptions.BaseAuthority builds a string each time.
    private readonly string? _baseAuthority = options.BaseAuthority;
    private Entry? _last;

    public EndpointRecorder Resolve(HttpRequestMessage request)
    {
        if (GivenName(request) is { } given)
        {
            return slot.Details.Endpoint(given);
        }

        var uri = request.RequestUri!;
        var method = request.Method;
        var text = uri.OriginalString;
        var details = slot.Details;
        if (Volatile.Read(ref _last) is { } last && ReferenceEquals(last.Method, method) && ReferenceEquals(last.Details, details) && string.Equals(last.Uri, text, StringComparison.Ordinal))
        {
            return last.Endpoint;
        }

        var endpoint = details.Endpoint(EndpointNamer.Name(method, uri, _baseAuthority, slot.Run.Http?.Names));
        Volatile.Write(ref _last, new Entry(text, method, details, endpoint));
        return endpoint;
    }

    /// <summary>The name the test gave the request, or null (none, or blank).</summary>
    internal static string? GivenName(HttpRequestMessage request)
    {
        var requestOptions = OptionsField(request);
        return requestOptions is not null
            && requestOptions.TryGetValue(StressHttp.EndpointName, out var given)
            && !string.IsNullOrWhiteSpace(given)
            ? given
            : null;
    }

    /// <summary><see cref="HttpRequestMessage.Options"/> without creating it: null when the test set no option.
    /// A test (InvocationHttpHandlerTests) fails if a runtime renames the field.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_options")]
    private static extern ref HttpRequestOptions? OptionsField(HttpRequestMessage request);

    /// <param name="Uri">The request URI's text, as HttpClient built it from the base address.</param>
    /// <param name="Method">Compared by reference: <see cref="HttpMethod.Get"/> and its kin are singletons, and a
    /// method object of the test's own at worst misses the cache.</param>
    /// <param name="Details">The recorder the endpoint came from: a rehearsing warm-up records into its own.</param>
    /// <param name="Endpoint">Where requests to it are recorded.</param>
    private sealed record Entry(string Uri, HttpMethod Method, DetailRecorder Details, EndpointRecorder Endpoint);
}
