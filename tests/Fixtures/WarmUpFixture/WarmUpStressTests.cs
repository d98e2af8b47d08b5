// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest;

namespace WarmUpFixture;

/// <summary>A method whose first seconds are JIT-bound, with the warm-up off: those seconds are measured "warming".</summary>
public sealed class JitHeavyWarmUpOffStressTests
{
    private static readonly JitChurn Churn = new(typeof(JitChurn).GetMethod(nameof(JitChurn.Churn), BindingFlags.Public | BindingFlags.Static)!);

    [StressTest(Concurrency = 2, Duration = "5s", WarmUp = "0s")]
    public static Task JitHeavyWarmUpOff() => Churn.CallAsync();
}

/// <summary>The same with no WarmUp written: the automatic warm-up spends the JIT before measuring.</summary>
public sealed class JitHeavyAutoWarmUpStressTests
{
    private static readonly JitChurn Churn = new(typeof(OwnChurn).GetMethod(nameof(OwnChurn.Churn), BindingFlags.Public | BindingFlags.Static)!);

    [StressTest(Concurrency = 2, Duration = "3s")]
    public static Task JitHeavyAutoWarmUp() => Churn.CallAsync();

    /// <summary>Another generic method, so its instantiations are new to the JIT even after the other test ran.</summary>
    public static class OwnChurn
    {
        public static int Churn<T>() => JitChurn.Churn<ValueTuple<T>>();
    }
}

/// <summary>A plain quick test for the build check.</summary>
public sealed class QuickStressTests
{
    [StressTest(Concurrency = 1, Duration = "1s", WarmUp = "0s")]
    public static Task Quick() => Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
}
