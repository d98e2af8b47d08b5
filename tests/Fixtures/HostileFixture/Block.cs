// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace HostileFixture;

/// <summary>What a hung method does: wait forever, with or without honouring a token.</summary>
internal static class Block
{
    /// <summary>Blocks the calling thread for good, ignoring every token (an event nobody sets).</summary>
    public static void Forever()
    {
        using var never = new ManualResetEventSlim(false);
        never.Wait();
    }

    /// <summary>Waits until <paramref name="cancellationToken"/> is cancelled.</summary>
    public static Task UntilCancelledAsync(CancellationToken cancellationToken) =>
        Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
}
