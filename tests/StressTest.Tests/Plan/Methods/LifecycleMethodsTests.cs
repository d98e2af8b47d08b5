// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Controller;
using StressTest.Plan.Methods;

namespace StressTest.Tests.Plan.Methods;

/// <summary>Finding and running <c>[StressSetup]</c>/<c>[StressTeardown]</c> methods.</summary>
[TestClass]
public sealed class LifecycleMethodsTests
{
    [TestMethod]
    public void Find_SetupAndTeardown_FindsBoth()
    {
        var lifecycle = Find(typeof(Targets.Both));

        Assert.AreEqual(nameof(Targets.Both.Setup), lifecycle.Setup?.Name);
        Assert.AreEqual(nameof(Targets.Both.Teardown), lifecycle.Teardown?.Name);
    }

    [TestMethod]
    public void Find_NoLifecycleMethods_FindsNeither()
    {
        var lifecycle = Find(typeof(Targets.Neither));

        Assert.IsNull(lifecycle.Setup);
        Assert.IsNull(lifecycle.Teardown);
    }

    [TestMethod]
    public void Find_SetupOnBaseClass_IsFound()
    {
        var lifecycle = Find(typeof(Targets.Derived));

        Assert.AreEqual(nameof(Targets.Both.Setup), lifecycle.Setup?.Name);
        Assert.AreEqual(nameof(Targets.Both.Teardown), lifecycle.Teardown?.Name);
    }

    [TestMethod]
    public void Find_TwoSetups_IsRejectedNamingBoth()
    {
        var result = LifecycleMethods.Find(typeof(Targets.TwoSetups));

        Assert.IsFalse(result.IsSuccess);
        Assert.Contains("TwoSetups has 2 [StressSetup] methods (", result.Error);
        Assert.Contains(nameof(Targets.TwoSetups.One), result.Error);
        Assert.Contains(nameof(Targets.TwoSetups.Two), result.Error);
        Assert.Contains("expected at most one", result.Error);
    }

    [TestMethod]
    [DataRow(typeof(Targets.InstanceSetup), "[StressSetup] method InstanceSetup.Setup")]
    [DataRow(typeof(Targets.PrivateSetup), "[StressSetup] method PrivateSetup.Setup")]
    [DataRow(typeof(Targets.SetupTakesString), "[StressSetup] method SetupTakesString.Setup")]
    [DataRow(typeof(Targets.SetupTakesTwoTokens), "[StressSetup] method SetupTakesTwoTokens.Setup")]
    [DataRow(typeof(Targets.TeardownReturnsInt), "[StressTeardown] method TeardownReturnsInt.Teardown")]
    [DataRow(typeof(Targets.GenericTeardown), "[StressTeardown] method GenericTeardown.Teardown")]
    [DataRow(typeof(Targets.SetupTakesTokenThenContext), "[StressSetup] method SetupTakesTokenThenContext.Setup")]
    [DataRow(typeof(Targets.SetupTakesTwoContexts), "[StressSetup] method SetupTakesTwoContexts.Setup")]
    [DataRow(typeof(Targets.SetupTakesContextAndString), "[StressSetup] method SetupTakesContextAndString.Setup")]
    [DataRow(typeof(Targets.InstanceSetupTakesContext), "[StressSetup] method InstanceSetupTakesContext.Setup")]
    public void Find_UnsupportedShape_IsRejectedNamingMethodAndExpectation(Type type, string expected)
    {
        var result = LifecycleMethods.Find(type);

        Assert.IsFalse(result.IsSuccess);
        Assert.StartsWith(expected, result.Error);
        Assert.Contains("must be public static, return void, Task or ValueTask, and take no parameters", result.Error);
        Assert.Contains("a CancellationToken, a StressSetupContext, or (StressSetupContext, CancellationToken).", result.Error);
    }

    [TestMethod]
    [DataRow(typeof(Targets.TeardownTakesContext))]
    [DataRow(typeof(Targets.TeardownTakesContextAndToken))]
    public void Find_TeardownTakingStressSetupContext_IsAccepted(Type type)
    {
        var lifecycle = Find(type);

        Assert.IsNotNull(lifecycle.Teardown, "teardown may take the run's context to read RunId and what setup handed over");
    }

    [TestMethod]
    [DataRow(typeof(Targets.SetupTakesContext))]
    [DataRow(typeof(Targets.SetupTakesContextAndToken))]
    [DataRow(typeof(Targets.SetupTakesContextReturnsValueTask))]
    public void Find_SetupTakingStressSetupContext_IsAccepted(Type type)
    {
        var lifecycle = Find(type);

        Assert.AreEqual("Setup", lifecycle.Setup?.Name);
    }

    [TestMethod]
    public void Find_BadSetupAndBadTeardown_ReportsBoth()
    {
        var result = LifecycleMethods.Find(typeof(Targets.BothBad));

        Assert.IsFalse(result.IsSuccess);
        Assert.Contains("[StressSetup] method BothBad.Setup", result.Error);
        Assert.Contains("[StressTeardown] method BothBad.Teardown", result.Error);
    }

    [TestMethod]
    public void Find_AsyncVoidSetup_IsRejectedSayingNothingCanAwaitIt()
    {
        var result = LifecycleMethods.Find(typeof(Targets.AsyncVoidSetup));

        Assert.IsFalse(result.IsSuccess);
        Assert.AreEqual(
            "[StressSetup] method AsyncVoidSetup.Setup is async void, which nothing can await: its time would not be measured and an exception in it would crash the test host; return Task instead (async Task).",
            result.Error);
    }

    [TestMethod]
    public async Task InvokeAsync_TaskMethod_CompletesOnlyWhenTheTaskDoes()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Targets.Awaited.Gate = gate.Task;

        var invocation = LifecycleInvoker.InvokeAsync(Method(typeof(Targets.Awaited), nameof(Targets.Awaited.SetupTask)), CancellationToken.None);

        Assert.IsFalse(invocation.IsCompleted);
        gate.SetResult();
        await invocation.WaitAsync(TestSupport.TestClock.Guard);
        Assert.IsTrue(Targets.Awaited.TaskDone);
    }

    [TestMethod]
    public async Task InvokeAsync_ValueTaskMethod_CompletesOnlyWhenTheValueTaskDoes()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Targets.AwaitedValueTask.Gate = gate.Task;

        var invocation = LifecycleInvoker.InvokeAsync(Method(typeof(Targets.AwaitedValueTask), nameof(Targets.AwaitedValueTask.Teardown)), CancellationToken.None);

        Assert.IsFalse(invocation.IsCompleted);
        gate.SetResult();
        await invocation.WaitAsync(TestSupport.TestClock.Guard);
        Assert.IsTrue(Targets.AwaitedValueTask.Done);
    }

    [TestMethod]
    public async Task InvokeAsync_MethodTakingToken_ReceivesTheToken()
    {
        using var source = new CancellationTokenSource();

        await LifecycleInvoker.InvokeAsync(Method(typeof(Targets.Both), nameof(Targets.Both.Teardown)), source.Token);

        Assert.AreEqual(source.Token, Targets.Both.TeardownToken);
    }

    [TestMethod]
    public async Task InvokeAsync_SetupTakingContext_ReceivesTheGivenContextAndWhatItSetsIsSeen()
    {
        var context = new StressSetupContext();

        await LifecycleInvoker.InvokeAsync(Method(typeof(Targets.SetupTakesContext), nameof(Targets.SetupTakesContext.Setup)), CancellationToken.None, context).WaitAsync(TestSupport.TestClock.Guard);

        Assert.AreSame(context, Targets.SetupTakesContext.Received);
        Assert.AreEqual(new Uri("http://127.0.0.1:5001/"), context.BaseAddress);
    }

    [TestMethod]
    public async Task InvokeAsync_SetupTakingContextAndToken_ReceivesBothInOrder()
    {
        var context = new StressSetupContext();
        using var source = new CancellationTokenSource();

        await LifecycleInvoker.InvokeAsync(Method(typeof(Targets.SetupTakesContextAndToken), nameof(Targets.SetupTakesContextAndToken.Setup)), source.Token, context).WaitAsync(TestSupport.TestClock.Guard);

        Assert.AreSame(context, Targets.SetupTakesContextAndToken.Received);
        Assert.AreEqual(source.Token, Targets.SetupTakesContextAndToken.Token);
        Assert.AreEqual(new Uri("http://127.0.0.1:5002/api/"), context.BaseAddress, "set after an await, still seen");
    }

    [TestMethod]
    public async Task InvokeAsync_SetupTakingContextButNoneGiven_ReceivesAFreshOne()
    {
        await LifecycleInvoker.InvokeAsync(Method(typeof(Targets.SetupTakesContextReturnsValueTask), nameof(Targets.SetupTakesContextReturnsValueTask.Setup)), CancellationToken.None).WaitAsync(TestSupport.TestClock.Guard);

        Assert.IsNotNull(Targets.SetupTakesContextReturnsValueTask.Received);
        Assert.IsNull(Targets.SetupTakesContextReturnsValueTask.ReceivedBaseAddress, "a fresh context sets no base address");
    }

    [TestMethod]
    [DataRow(nameof(Targets.Throwing.Sync))]
    [DataRow(nameof(Targets.Throwing.AsyncTask))]
    [DataRow(nameof(Targets.Throwing.AsyncValueTask))]
    public async Task InvokeAsync_MethodThrows_ThrowsTheOriginalExceptionUnwrapped(string method)
    {
        var exception = await Assert.ThrowsExactlyAsync<InvalidOperationException>(
            () => LifecycleInvoker.InvokeAsync(Method(typeof(Targets.Throwing), method), CancellationToken.None));

        Assert.AreEqual(method, exception.Message);
    }

    private static LifecycleMethods Find(Type type)
    {
        var result = LifecycleMethods.Find(type);
        Assert.IsTrue(result.IsSuccess, result.Error);
        return result.Value;
    }

    private static System.Reflection.MethodInfo Method(Type type, string name) => type.GetMethod(name)!;

    public static class Targets
    {
        public static class AsyncVoidSetup
        {
            [StressSetup]
            public static async void Setup() => await Task.Yield();
        }

        public class Both
        {
            public static CancellationToken TeardownToken { get; private set; }

            [StressSetup]
            public static void Setup()
            {
            }

            [StressTeardown]
            public static Task Teardown(CancellationToken cancellationToken)
            {
                TeardownToken = cancellationToken;
                return Task.CompletedTask;
            }
        }

        public sealed class Derived : Both
        {
        }

        public sealed class Neither
        {
            public static void Setup()
            {
            }
        }

        public sealed class TwoSetups
        {
            [StressSetup]
            public static void One()
            {
            }

            [StressSetup]
            public static void Two()
            {
            }
        }

        public sealed class InstanceSetup
        {
            [StressSetup]
            public void Setup()
            {
            }
        }

        public sealed class PrivateSetup
        {
            [StressSetup]
            internal static void Setup()
            {
            }
        }

        public sealed class SetupTakesString
        {
            [StressSetup]
            public static void Setup(string value) => ArgumentNullException.ThrowIfNull(value);
        }

        public sealed class SetupTakesTwoTokens
        {
            [StressSetup]
            public static void Setup(CancellationToken first, CancellationToken second)
            {
            }
        }

        public sealed class TeardownReturnsInt
        {
            [StressTeardown]
            public static int Teardown() => 0;
        }

        public sealed class GenericTeardown
        {
            [StressTeardown]
            public static void Teardown<T>()
            {
            }
        }

        public static class SetupTakesContext
        {
            public static StressSetupContext? Received { get; private set; }

            [StressSetup]
            public static void Setup(StressSetupContext setup)
            {
                Received = setup;
                setup.BaseAddress = new Uri("http://127.0.0.1:5001/");
            }
        }

        public static class SetupTakesContextAndToken
        {
            public static StressSetupContext? Received { get; private set; }

            public static CancellationToken Token { get; private set; }

            [StressSetup]
            public static async Task Setup(StressSetupContext setup, CancellationToken cancellationToken)
            {
                Received = setup;
                Token = cancellationToken;
                await Task.Yield();
                setup.BaseAddress = new Uri("http://127.0.0.1:5002/api/");
            }
        }

        public static class SetupTakesContextReturnsValueTask
        {
            public static StressSetupContext? Received { get; private set; }

            public static Uri? ReceivedBaseAddress { get; private set; }

            [StressSetup]
            public static ValueTask Setup(StressSetupContext setup)
            {
                Received = setup;
                ReceivedBaseAddress = setup.BaseAddress;
                return ValueTask.CompletedTask;
            }
        }

        public sealed class TeardownTakesContext
        {
            [StressTeardown]
            public static void Teardown(StressSetupContext setup) => ArgumentNullException.ThrowIfNull(setup);
        }

        public sealed class TeardownTakesContextAndToken
        {
            [StressTeardown]
            public static void Teardown(StressSetupContext setup, CancellationToken cancellationToken) => ArgumentNullException.ThrowIfNull(setup);
        }

        public sealed class SetupTakesTokenThenContext
        {
            [StressSetup]
            public static void Setup(CancellationToken cancellationToken, StressSetupContext setup) => ArgumentNullException.ThrowIfNull(setup);
        }

        public sealed class SetupTakesTwoContexts
        {
            [StressSetup]
            public static void Setup(StressSetupContext first, StressSetupContext second) => ArgumentNullException.ThrowIfNull(first);
        }

        public sealed class SetupTakesContextAndString
        {
            [StressSetup]
            public static void Setup(StressSetupContext setup, string value) => ArgumentNullException.ThrowIfNull(value);
        }

        public sealed class InstanceSetupTakesContext
        {
            [StressSetup]
            public void Setup(StressSetupContext setup) => ArgumentNullException.ThrowIfNull(setup);
        }

        public sealed class BothBad
        {
            [StressSetup]
            public void Setup()
            {
            }

            [StressTeardown]
            public static int Teardown() => 0;
        }

        public static class Awaited
        {
            public static Task Gate { get; set; } = Task.CompletedTask;

            public static bool TaskDone { get; private set; }

            [StressSetup]
            public static async Task SetupTask()
            {
                await Gate;
                TaskDone = true;
            }
        }

        public static class AwaitedValueTask
        {
            public static Task Gate { get; set; } = Task.CompletedTask;

            public static bool Done { get; private set; }

            [StressTeardown]
            public static async ValueTask Teardown()
            {
                await Gate;
                Done = true;
            }
        }

        public static class Throwing
        {
            public static void Sync() => throw new InvalidOperationException(nameof(Sync));

            public static async Task AsyncTask()
            {
                await Task.Yield();
                throw new InvalidOperationException(nameof(AsyncTask));
            }

            public static async ValueTask AsyncValueTask()
            {
                await Task.Yield();
                throw new InvalidOperationException(nameof(AsyncValueTask));
            }
        }
    }
}
