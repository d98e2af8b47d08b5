// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Controller;
using StressTest.Data;
using StressTest.Errors;
using StressTest.Plan.Methods;

namespace StressTest.Tests;

/// <summary>The values setup hands to the run: by type, replaced by type, disposed by the run newest first.</summary>
[TestClass]
public sealed class RunDataTests
{
    [TestMethod]
    public void Get_ValueOfTheType_IsTheOneSetLast()
    {
        var data = new RunData();
        data.Set("first");
        data.Set("second");
        data.Set(42);

        Assert.AreEqual("second", data.Get<string>("test"));
        Assert.AreEqual(42, data.Get<int>("test"));
        Assert.IsFalse(data.TryGet<long>(out _), "by the exact type: an int is not a long");
    }

    [TestMethod]
    public void Get_NoValueOfTheType_SaysWhatTheRunHas()
    {
        var data = new RunData();
        data.Set(Feeder.From(new[] { 1 }, FeedStrategy.Circular));

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => data.Get<Feeder<string>>("StressContext.Feed<T>()"));

        Assert.AreEqual("StressContext.Feed<T>(): no Feeder<String> was handed to the run. Call StressSetupContext.Set(...) with one in [StressSetup]; the run has Feeder<Int32>.", error.Message);
    }

    [TestMethod]
    public void Get_NoValueOfTheType_NamesTheTypesValuesWereSetAsNotTheirRuntimeTypes()
    {
        var data = new RunData();
        data.Set<IReadOnlyList<long>>(new List<long> { 1 });

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => data.Get<List<long>>("StressContext.Get<T>()"));

        Assert.EndsWith("; the run has IReadOnlyList<Int64>.", error.Message, "Get<IReadOnlyList<long>> is what finds it");
    }

    [TestMethod]
    public async Task DisposeAsync_DisposesOwnedValuesNewestFirstOnceAndReportsFailures()
    {
        var order = new List<string>();
        var data = new RunData();
        var first = new Disposable("first", order);
        data.Set(first);
        data.Set(new Failing());
        data.Set<IDisposable>(first); // the same object under another type is disposed once
        data.Set(new Disposable("last", order));
        var diagnostics = new RunDiagnostics();
        var run = new RunScope(TestSupport.Plans.Build(typeof(Target), nameof(Target.Run)), "run", DateTimeOffset.UnixEpoch, diagnostics);

        await SetupData.DisposeAsync(data, run);

        CollectionAssert.AreEqual(new[] { "last", "first" }, order);
        var problem = Assert.ContainsSingle(diagnostics.Problems);
        Assert.AreEqual("Disposing the run's Failing (handed over by StressSetupContext.Set) failed: System.InvalidOperationException: still open", problem);
    }

    private sealed class Disposable(string name, List<string> order) : IDisposable
    {
        public void Dispose() => order.Add(name);
    }

    private sealed class Failing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => throw new InvalidOperationException("still open");
    }

    public static class Target
    {
        [StressTest(Duration = "1s")]
        public static void Run()
        {
        }
    }
}
