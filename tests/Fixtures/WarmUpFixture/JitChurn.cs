// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;

namespace WarmUpFixture;

/// <summary>
/// Makes the JIT work hard for the first <see cref="Phase"/> after the first call, then not at all: each call in the
/// phase runs a generic method over a value type it has never seen (a <see cref="ValueTuple{T1, T2, T3}"/> of three of 20
/// primitive types: 8,000 of them), which the JIT compiles anew with the List and sort helpers it instantiates. After
/// the phase every call waits a millisecond instead, so the test host's CPU is free for the JIT to finish its tier-up.
/// One instance per test, so each test gets its own phase.
/// </summary>
public sealed class JitChurn(MethodInfo generic)
{
    public static readonly TimeSpan Phase = TimeSpan.FromSeconds(3);

    private static readonly Type[] Primitives =
    [
        typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong),
        typeof(float), typeof(double), typeof(decimal), typeof(char), typeof(bool), typeof(Guid), typeof(DateTime),
        typeof(TimeSpan), typeof(DateTimeOffset), typeof(Half), typeof(Int128), typeof(UInt128),
    ];

    private readonly Func<int> _warm = generic.MakeGenericMethod(typeof(int)).CreateDelegate<Func<int>>();
    private long _firstCall;
    private int _next;

    public Task CallAsync()
    {
        var time = TimeProvider.System;
        var now = time.GetTimestamp();
        var first = Interlocked.CompareExchange(ref _firstCall, now, 0);
        if (first != 0 && time.GetElapsedTime(first, now) >= Phase)
        {
            _warm();
            return Task.Delay(TimeSpan.FromMilliseconds(1), time);
        }

        ChurnNewType();
        return Task.CompletedTask;
    }

    private int ChurnNewType()
    {
        var i = Interlocked.Increment(ref _next) % (Primitives.Length * Primitives.Length * Primitives.Length);
        var type = typeof(ValueTuple<,,>).MakeGenericType(
            Primitives[i % Primitives.Length],
            Primitives[i / Primitives.Length % Primitives.Length],
            Primitives[i / (Primitives.Length * Primitives.Length)]);
        return generic.MakeGenericMethod(type).CreateDelegate<Func<int>>()();
    }

    /// <summary>A list of two defaults, sorted, hashed: List, the comparer and the sort helpers for a new type.</summary>
    public static int Churn<T>()
    {
        var list = new List<T>(2) { default!, default! };
        list.Sort(Comparer<T>.Create((a, b) => EqualityComparer<T>.Default.Equals(a, b) ? 0 : 1));
        return EqualityComparer<T>.Default.GetHashCode(list[0]!) + list.IndexOf(default!);
    }
}
