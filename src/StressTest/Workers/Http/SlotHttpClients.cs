// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;

namespace StressTest.Workers.Http;

/// <summary>
/// The clients one slot hands to its invocations: thin <see cref="HttpClient"/> objects over the run's shared
/// handler pipeline (one connection pool per run), each topped by the slot's own measuring handler. Created on
/// first use, so a test that never touches HTTP creates none.
/// </summary>
internal sealed class SlotHttpClients(InvocationSlot slot)
{
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private HttpClient? _default;

    /// <param name="name">A named client, or null for <c>StressContext.Http</c>.</param>
    public HttpClient Get(string? name)
    {
        var http = slot.Run.Http ?? throw new InvalidOperationException("StressContext.Http is not available: this run has no HTTP configuration.");
        if (name is null)
        {
            return _default ?? LazyInitializer.EnsureInitialized(ref _default, () => http.CreateClient(StressHttpClient.ClientName, slot));
        }

        return _clients.GetOrAdd(name, static (n, state) => state.http.CreateClient(n, state.slot), (http, slot));
    }
}
