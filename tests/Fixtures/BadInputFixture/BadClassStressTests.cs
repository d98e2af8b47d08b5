// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace BadInputFixture;

/// <summary>An instance test on a class without a public parameterless constructor: workers cannot create it.</summary>
public sealed class NoDefaultConstructorStressTests
{
    private readonly int _seed;

    public NoDefaultConstructorStressTests(int seed) => _seed = seed;

    [StressTest(Duration = "300ms")]
    public void NeedsInstance()
    {
        GC.KeepAlive(_seed);
    }
}

/// <summary>A setup that throws: the test fails with the setup's exception and no load runs.</summary>
public sealed class ThrowingSetupStressTests
{
    [StressSetup]
    public static void Setup()
    {
        throw new InvalidOperationException("no database");
    }

    [StressTest(Duration = "300ms")]
    public static void NeverLoads()
    {
    }
}

/// <summary>A setup that is not static: lifecycle methods must be public static.</summary>
public sealed class InstanceSetupStressTests
{
    [StressSetup]
    public void Setup()
    {
        GC.KeepAlive(this);
    }

    [StressTest(Duration = "300ms")]
    public static void WithInstanceSetup()
    {
    }
}
