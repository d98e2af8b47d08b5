// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace HostileFixture;

// Tests on abstract classes (item 11 of issue 16): found through their subclasses as MSTest finds them, or failing with a
// message, never silently dropped.

/// <summary>A static test on an abstract base: runs on its sealed subclass.</summary>
public abstract class AbstractStaticBase
{
    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void InheritedStatic()
    {
    }
}

public sealed class SealedFromStaticBase : AbstractStaticBase
{
}

/// <summary>An instance test on an abstract base: runs on its concrete subclass.</summary>
public abstract class AbstractInstanceBase
{
    [StressTest(WarmUp = "0s", Duration = "1s")]
    public void InheritedInstance()
    {
    }
}

public class ConcreteFromInstanceBase : AbstractInstanceBase
{
}

/// <summary>An instance test on an abstract class nobody derives from: fails saying so.</summary>
public abstract class AbstractWithoutSubclass
{
    [StressTest(WarmUp = "0s", Duration = "1s")]
    public void OrphanInstance()
    {
    }
}

/// <summary>A static test on an abstract class nobody derives from: it needs no instance, so it runs.</summary>
public abstract class AbstractStaticWithoutSubclass
{
    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void OrphanStatic()
    {
    }
}
