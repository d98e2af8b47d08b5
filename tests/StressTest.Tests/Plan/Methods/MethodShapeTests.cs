// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Plan.Methods;

namespace StressTest.Tests.Plan.Methods;

/// <summary><c>async void</c> is no supported shape (issue 16): it "passed" at any rate with latency 0, and a throw in
/// it crashed the test host. A plain <c>void</c> stays supported.</summary>
[TestClass]
public sealed class MethodShapeTests
{
    private const string AsyncVoid = "is async void, which nothing can await: its time would not be measured and an exception in it would crash the test host; return Task instead (async Task)";

    [TestMethod]
    public void Check_AsyncVoidTest_IsRejectedSayingWhyAndWhatToWrite()
    {
        var result = TestMethod.Check(typeof(Targets.Shapes), Method(typeof(Targets.Shapes), nameof(Targets.Shapes.AsyncVoid)));

        Assert.AreEqual($"[StressTest] method Shapes.AsyncVoid has an unsupported signature: it {AsyncVoid}.", result.Error);
    }

    [TestMethod]
    public void Check_SyncVoidAndAsyncTask_AreAccepted()
    {
        Assert.IsTrue(TestMethod.Check(typeof(Targets.Shapes), Method(typeof(Targets.Shapes), nameof(Targets.Shapes.SyncVoid))).IsSuccess);
        Assert.IsTrue(TestMethod.Check(typeof(Targets.Shapes), Method(typeof(Targets.Shapes), nameof(Targets.Shapes.AsyncTask))).IsSuccess);
    }

    [TestMethod]
    public void Check_AsyncVoidWorkerSetup_IsRejectedNamingIt()
    {
        var result = TestMethod.Check(typeof(Targets.AsyncVoidWorkerSetup), Method(typeof(Targets.AsyncVoidWorkerSetup), nameof(Targets.AsyncVoidWorkerSetup.Run)));

        Assert.Contains($"[StressWorkerSetup] method AsyncVoidWorkerSetup.Setup is not supported: it {AsyncVoid}", result.Error ?? string.Empty);
    }

    [TestMethod]
    public void Find_AsyncVoidStressSetup_IsRejectedNamingIt()
    {
        var result = LifecycleMethods.Find(typeof(Targets.AsyncVoidSetup));

        Assert.AreEqual($"[StressSetup] method AsyncVoidSetup.Setup {AsyncVoid}.", result.Error);
    }

    private static MethodInfo Method(Type type, string name) => type.GetMethod(name)!;

    public static class Targets
    {
        public static class Shapes
        {
            [StressTest]
            public static async void AsyncVoid() => await Task.Yield();

            [StressTest]
            public static void SyncVoid()
            {
            }

            [StressTest]
            public static async Task AsyncTask() => await Task.Yield();
        }

        public sealed class AsyncVoidWorkerSetup
        {
            [StressWorkerSetup]
            public async void Setup() => await Task.Yield();

            [StressTest]
            public void Run()
            {
            }
        }

        public static class AsyncVoidSetup
        {
            [StressSetup]
            public static async void Setup() => await Task.Yield();

            [StressTest]
            public static void Run()
            {
            }
        }
    }
}
