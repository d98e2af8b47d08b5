// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Mocks.Timing;

namespace StressTest.Mocks.InProcess;

/// <summary>
/// A response body that arrives at a fixed pace, in chunks of a tenth of a second's worth; each chunk is due at the
/// start + its offset / pace, so waits do not add up their own overshoot.
/// </summary>
internal sealed class TrickleStream(byte[] body, int bytesPerSecond, Delays delays, TimeProvider time) : Stream
{
    private readonly int _chunk = Math.Max(1, bytesPerSecond / 10);
    private long _started = -1;
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => body.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= body.Length || buffer.IsEmpty)
        {
            return 0;
        }

        if (_started < 0)
        {
            _started = time.GetTimestamp();
        }

        // The chunk ending at _position + count is due when that many bytes have had time to pass at the pace.
        var count = Math.Min(Math.Min(_chunk, buffer.Length), body.Length - _position);
        var due = TimeSpan.FromSeconds((_position + count) / (double)bytesPerSecond) - time.GetElapsedTime(_started);
        await delays.DelayAsync(due, cancellationToken).ConfigureAwait(false);
        body.AsMemory(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
