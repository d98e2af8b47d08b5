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
    private const string AsyncVoid = "it is async void, which cannot be awaited (its time and its exceptions would be lost, and an exception would crash the test host); declare it async Task instead";

    [TestMethod]
    public void Check_AsyncVoidTest_IsRejectedSayingWhyAndWhatToWrite()
    {
        var result = TestMethod.Check(typeof(Targets.Shapes), Method(typeof(Targets.Shapes), nameof(Targets.Shapes.AsyncVoid)));

        Assert.AreEqual($"[StressTest] method Shapes.AsyncVoid has an unsupported signature: {AsyncVoid}.", result.Error);
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

        Assert.Contains($"[StressWorkerSetup] method AsyncVoidWorkerSetup.Setup is not supported: {AsyncVoid}", result.Error ?? string.Empty);
    }

    [TestMethod]
    public void Find_AsyncVoidStressSetup_IsRejectedNamingIt()
    {
        var result = LifecycleMethods.Find(typeof(Targets.AsyncVoidSetup));

        Assert.AreEqual($"[StressSetup] method AsyncVoidSetup.Setup is not supported: {AsyncVoid}.", result.Error);
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
