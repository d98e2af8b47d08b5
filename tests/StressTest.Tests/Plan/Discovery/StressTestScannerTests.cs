// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Discovery;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules.Thresholds;

namespace StressTest.Tests.Plan.Discovery;

/// <summary>Finding <c>[StressTest]</c> methods and reading their attributes as written.</summary>
[TestClass]
public sealed class StressTestScannerTests
{
    private static readonly IReadOnlyList<StressTestDeclaration> Found = StressTestScanner.Scan(typeof(StressTestScannerTests).Assembly);

    [TestMethod]
    public void Scan_MixedClass_FindsSyncAsyncStaticAndInstanceMethodsInDeclarationOrder()
    {
        var names = Of(typeof(Targets.Mixed)).Select(d => d.Method.Name).ToArray();

        Assert.AreSequenceEqual(
            new[] { nameof(Targets.Mixed.InstanceSync), nameof(Targets.Mixed.InstanceAsync), nameof(Targets.Mixed.StaticSync), nameof(Targets.Mixed.StaticValueTask) },
            names);
    }

    [TestMethod]
    public void Scan_NamedArguments_AreReadAsWrittenAndUnsetOnesAreAbsent()
    {
        var declaration = Of(typeof(Targets.Configured)).Single();

        Assert.HasCount(5, declaration.Arguments);
        Assert.AreEqual("2s", declaration.Arguments["Duration"]);
        Assert.AreEqual(4, declaration.Arguments["Concurrency"]);
        Assert.AreEqual("100ms", declaration.Arguments["Timeout"]);
        Assert.IsFalse(declaration.Arguments.ContainsKey("WarmUp"));
        Assert.AreEqual("Nice name", declaration.DisplayName);
        Assert.AreEqual("Smoke", declaration.Category);
    }

    [TestMethod]
    public void Scan_NoDisplayNameOrCategory_FallsBackToMethodNameAndNull()
    {
        var declaration = Of(typeof(Targets.Mixed)).First();

        Assert.IsEmpty(declaration.Arguments);
        Assert.AreEqual(nameof(Targets.Mixed.InstanceSync), declaration.DisplayName);
        Assert.IsNull(declaration.Category);
        Assert.IsEmpty(declaration.Thresholds);
    }

    [TestMethod]
    public void Scan_Thresholds_AreReadInDeclarationOrder()
    {
        var declaration = Of(typeof(Targets.Configured)).Single();

        Assert.AreSequenceEqual(new[] { "p99 < 1s", "error_rate < 5%", "rps >= 10", "count > 0" }, declaration.Thresholds.Select(t => t.Expression).ToArray());
    }

    [TestMethod]
    public void Scan_AbstractBase_IsSkippedAndItsMethodsAppearOnTheConcreteSubclass()
    {
        Assert.IsEmpty(Of(typeof(Targets.AbstractBase)));

        var inherited = Of(typeof(Targets.ConcreteSubclass)).Single();

        Assert.AreEqual(nameof(Targets.AbstractBase.Inherited), inherited.Method.Name);
        Assert.AreEqual("StressTest.Tests.Plan.Discovery.StressTestScannerTests.Targets.ConcreteSubclass.Inherited", inherited.FullyQualifiedName);
    }

    [TestMethod]
    public void Scan_StaticTestOnAbstractBase_AppearsOnTheSealedSubclass()
    {
        Assert.IsEmpty(Of(typeof(Targets.AbstractStaticBase)), "a base with a subclass runs nothing itself");

        var inherited = Of(typeof(Targets.SealedFromStaticBase)).Single();

        Assert.AreEqual(nameof(Targets.AbstractStaticBase.InheritedStatic), inherited.Method.Name);
        Assert.AreEqual(typeof(Targets.SealedFromStaticBase), inherited.Method.ReflectedType, "an agent resolves it on the class it was discovered on");
        Assert.IsNull(inherited.Problem);
    }

    [TestMethod]
    public void Scan_InstanceTestOnAbstractClassWithoutSubclass_IsDeclaredWithAProblemNamingWhy()
    {
        var orphan = Of(typeof(Targets.AbstractWithoutSubclass)).Single(d => d.Method.Name == nameof(Targets.AbstractWithoutSubclass.OrphanInstance));

        Assert.AreEqual(
            $"[StressTest] method AbstractWithoutSubclass.OrphanInstance is declared on the abstract class AbstractWithoutSubclass, which has no non-abstract subclass in {typeof(Targets).Assembly.GetName().Name}: derive a public class from it (each subclass runs the test on its own instances) or make AbstractWithoutSubclass non-abstract.",
            orphan.Problem);
    }

    [TestMethod]
    public void Scan_StaticTestOnAbstractClassWithoutSubclass_RunsThere()
    {
        var orphan = Of(typeof(Targets.AbstractWithoutSubclass)).Single(d => d.Method.Name == nameof(Targets.AbstractWithoutSubclass.OrphanStatic));

        Assert.IsNull(orphan.Problem, "a static test needs no instance");
    }

    [TestMethod]
    public void Scan_PrivateTestOfABaseClass_IsFoundOnTheSubclassSoThePlanCanRejectIt()
    {
        var hidden = Of(typeof(Targets.FromPrivateBase)).Single();

        Assert.AreEqual("Hidden", hidden.Method.Name);
    }

    [TestMethod]
    public void Scan_StaticClass_IsScanned()
    {
        var declaration = Of(typeof(Targets.StaticHolder)).Single();

        Assert.AreEqual(nameof(Targets.StaticHolder.Run), declaration.Method.Name);
    }

    [TestMethod]
    public void Scan_NestedType_FullyQualifiedNameUsesDotsAndEndsWithMethod()
    {
        var declaration = Of(typeof(Targets.Mixed)).First();

        Assert.AreEqual("StressTest.Tests.Plan.Discovery.StressTestScannerTests.Targets.Mixed.InstanceSync", declaration.FullyQualifiedName);
        Assert.AreEqual(typeof(Targets.Mixed).Assembly.Location, declaration.AssemblyPath);
    }

    [TestMethod]
    public void Scan_PrivateMethod_IsFoundSoThePlanCanRejectIt()
    {
        Assert.ContainsSingle(Of(typeof(Targets.WithPrivate)), "private [StressTest] methods must be reported, not silently skipped");
    }

    [TestMethod]
    public void Scan_CompilerGeneratedTypes_AreNeverDeclarations()
    {
        Assert.IsFalse(Found.Any(d => d.TestClass.Name.Contains('<', StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Scan_OverloadedStressTests_GetDistinctNamesAndAProblem()
    {
        var declarations = Of(typeof(Targets.Overloaded));

        Assert.HasCount(2, declarations);
        Assert.AreEqual(2, declarations.Select(d => d.FullyQualifiedName).Distinct().Count(), "overloads must not share a test id");
        Assert.IsTrue(declarations.Any(d => d.FullyQualifiedName.EndsWith(".Run(CancellationToken)", StringComparison.Ordinal)));
        Assert.IsTrue(declarations.All(d => d.Problem!.Contains("is overloaded", StringComparison.Ordinal)));
    }

    private static List<StressTestDeclaration> Of(Type type) => Found.Where(d => d.TestClass == type).ToList();

    public static class Targets
    {
        public sealed class Overloaded
        {
            [StressTest]
            public void Run()
            {
            }

            [StressTest]
            public void Run(CancellationToken token) => token.ThrowIfCancellationRequested();
        }

        public sealed class Mixed
        {
            [StressTest]
            public void InstanceSync()
            {
            }

            [StressTest]
            public async Task InstanceAsync() => await Task.Yield();

            public void NotAStressTest()
            {
            }

            [StressTest]
            public static void StaticSync()
            {
            }

            [StressTest]
            public static ValueTask StaticValueTask() => ValueTask.CompletedTask;
        }

        public sealed class Configured
        {
            [StressTest(Duration = "2s", Concurrency = 4, Timeout = "100ms", DisplayName = "Nice name", Category = "Smoke")]
            [Threshold("p99 < 1s")]
            [Threshold("error_rate < 5%")]
            [Threshold("rps >= 10")]
            [Threshold("count > 0")]
            public static void Run()
            {
            }
        }

        public abstract class AbstractBase
        {
            [StressTest]
            public void Inherited()
            {
            }
        }

        public sealed class ConcreteSubclass : AbstractBase
        {
        }

        public abstract class AbstractStaticBase
        {
            [StressTest]
            public static void InheritedStatic()
            {
            }
        }

        public sealed class SealedFromStaticBase : AbstractStaticBase
        {
        }

        public abstract class AbstractWithoutSubclass
        {
            [StressTest]
            public static void OrphanStatic()
            {
            }

            [StressTest]
            public void OrphanInstance()
            {
            }
        }

        public class PrivateBase
        {
            [StressTest]
            private static void Hidden()
            {
            }
        }

        public sealed class FromPrivateBase : PrivateBase
        {
        }

        public static class StaticHolder
        {
            [StressTest]
            public static void Run()
            {
            }
        }

        public sealed class WithPrivate
        {
            [StressTest]
            private static void Hidden()
            {
            }
        }
    }
}
