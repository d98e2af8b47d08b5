// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StressTest.TestAdapter.Tests.Browser;

/// <summary>
/// A minimal Chrome DevTools Protocol client over one WebSocket: commands with ids and their replies, and events
/// handed to one callback. Flattened sessions (a <c>sessionId</c> on each message) let one connection drive a page,
/// so no second socket and no driver binary are needed.
/// </summary>
internal sealed class DevToolsConnection : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly Action<string, JsonElement> _onEvent;
    private Task _receiving = Task.CompletedTask;
    private int _nextId;

    private DevToolsConnection(Action<string, JsonElement> onEvent) => _onEvent = onEvent;

    /// <summary>Connects to a browser's DevTools endpoint; <paramref name="onEvent"/> gets every event's method and
    /// params, on the receiving thread.</summary>
    public static async Task<DevToolsConnection> ConnectAsync(Uri endpoint, Action<string, JsonElement> onEvent, CancellationToken cancellationToken)
    {
        var connection = new DevToolsConnection(onEvent);
        connection._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await connection._socket.ConnectAsync(endpoint, cancellationToken);
        connection._receiving = Task.Run(connection.ReceiveAsync, CancellationToken.None);
        return connection;
    }

    /// <summary>Sends a command and returns its result; a protocol error fails the calling test with its message.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters = null, string? sessionId = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = JsonSerializer.SerializeToNode(parameters ?? new { }) };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }

        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, _closing.Token);
        var response = await reply.Task.WaitAsync(CommandTimeout);
        if (response.TryGetProperty("error", out var error))
        {
            Assert.Fail($"DevTools {method} failed: {error}");
        }

        return response.GetProperty("result").Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        _socket.Abort();
        try
        {
            await _receiving;
        }
        catch (OperationCanceledException)
        {
        }

        _socket.Dispose();
        _closing.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_closing.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                Dispatch(message.GetBuffer().AsMemory(0, (int)message.Length));
                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The browser closed or the connection is being disposed: commands still waiting fail below.
        }

        foreach (var waiting in _pending.Values)
        {
            waiting.TrySetException(new InvalidOperationException("The DevTools connection closed before the reply arrived."));
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var id))
        {
            if (_pending.TryRemove(id.GetInt32(), out var reply))
            {
                reply.TrySetResult(root.Clone());
            }
        }
        else if (root.TryGetProperty("method", out var method))
        {
            _onEvent(method.GetString()!, root.TryGetProperty("params", out var parameters) ? parameters.Clone() : default);
        }
    }
}
