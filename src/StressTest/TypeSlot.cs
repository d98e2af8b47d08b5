// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>Hands out the slot numbers of <see cref="TypeSlot{T}"/>.</summary>
internal static class TypeSlot
{
    private static int _next = -1;

    public static int Next() => Interlocked.Increment(ref _next);
}

/// <summary>The slot of type <typeparamref name="T"/> in every <see cref="RunData"/>: given once per process, on first
/// use, so a lookup is an array index (the JIT reads the static once it is initialised).</summary>
/// <typeparam name="T">The type a value was set as.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "The whole point is one static per type argument.")]
internal static class TypeSlot<T>
{
    public static readonly int Index = TypeSlot.Next();
}
