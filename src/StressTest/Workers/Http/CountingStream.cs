// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Workers.Recording;

namespace StressTest.Workers.Http;

/// <summary>Passes a body through, adding the bytes read from it or written to it to the endpoint's bytes in (a
/// response) or out (a request).</summary>
/// <param name="inner">The body (reading) or the caller's destination (writing).</param>
/// <param name="endpoint">Where the bytes are counted.</param>
/// <param name="ownsInner">True when reading a body, which this stream then closes; a destination is the caller's.</param>
/// <param name="outgoing">True for a request body (bytes out).</param>
internal sealed class CountingStream(Stream inner, EndpointRecorder endpoint, bool ownsInner, bool outgoing) : Stream
{
    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Every response body passes here: a read that completes at once (the bytes were already buffered) costs no
        // async frame.
        var pending = inner.ReadAsync(buffer, cancellationToken);
        return pending.IsCompletedSuccessfully ? new ValueTask<int>(Counted(pending.Result)) : CountedAsync(pending);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        inner.Write(buffer, offset, count);
        Counted(count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        Counted(buffer.Length);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // A buffered response is copied into a memory stream, which completes at once: no async frame then.
        var pending = inner.WriteAsync(buffer, cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            Counted(buffer.Length);
            return default;
        }

        return CountedAsync(pending, buffer.Length);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsInner)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<int> CountedAsync(ValueTask<int> pending) => Counted(await pending.ConfigureAwait(false));

    private async ValueTask CountedAsync(ValueTask pending, int bytes)
    {
        await pending.ConfigureAwait(false);
        Counted(bytes);
    }

    private int Counted(int bytes)
    {
        if (bytes > 0)
        {
            endpoint.AddBytes(bytes, outgoing);
        }

        return bytes;
    }
}
