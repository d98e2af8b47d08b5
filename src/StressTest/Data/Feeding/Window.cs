// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Data.Feeding;

/// <summary>
/// A run of consecutive records and the tickets taken on it. A take claims a ticket with one interlocked increment;
/// tickets below <see cref="Count"/> are records, the rest mean "used up". A taker holds the window it claimed on, so
/// the window stays alive (and its record valid) however late the taker reads it: no window is ever reused.
/// </summary>
internal sealed class Window<T>(T[] items, int count, long first)
{
    private int _claimed;

    public T[] Items { get; } = items;

    public int Count { get; } = count;

    /// <summary>How many records of the source came before this window (over every pass), for messages.</summary>
    public long First { get; } = first;

    /// <summary>A ticket: from 0 up; once past <see cref="Count"/> it keeps growing (compared unsigned, so even a
    /// wrap-around after 2^31 takes of a used-up window reads as used up).</summary>
    public uint Claim() => (uint)Interlocked.Increment(ref _claimed) - 1;
}
