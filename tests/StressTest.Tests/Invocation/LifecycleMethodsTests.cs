// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Invocation;

namespace StressTest.Tests.Invocation;

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
    public void Find_UnsupportedShape_IsRejectedNamingMethodAndExpectation(Type type, string expected)
    {
        var result = LifecycleMethods.Find(type);

        Assert.IsFalse(result.IsSuccess);
        Assert.StartsWith(expected, result.Error);
        Assert.Contains("must be public static, return void, Task or ValueTask, and take no parameters", result.Error);
        Assert.Contains(expected.StartsWith("[StressSetup]", StringComparison.Ordinal)
            ? "a CancellationToken, a StressSetupContext, or (StressSetupContext, CancellationToken)."
            : "no parameters or a CancellationToken.", result.Error);
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
    public async Task InvokeAsync_TaskMethod_CompletesOnlyWhenTheTaskDoes()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Targets.Awaited.Gate = gate.Task;

        var invocation = LifecycleMethods.InvokeAsync(Method(typeof(Targets.Awaited), nameof(Targets.Awaited.SetupTask)), CancellationToken.None);

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

        var invocation = LifecycleMethods.InvokeAsync(Method(typeof(Targets.AwaitedValueTask), nameof(Targets.AwaitedValueTask.Teardown)), CancellationToken.None);

        Assert.IsFalse(invocation.IsCompleted);
        gate.SetResult();
        await invocation.WaitAsync(TestSupport.TestClock.Guard);
        Assert.IsTrue(Targets.AwaitedValueTask.Done);
    }

    [TestMethod]
    public async Task InvokeAsync_MethodTakingToken_ReceivesTheToken()
    {
        using var source = new CancellationTokenSource();

        await LifecycleMethods.InvokeAsync(Method(typeof(Targets.Both), nameof(Targets.Both.Teardown)), source.Token);

        Assert.AreEqual(source.Token, Targets.Both.TeardownToken);
    }

    [TestMethod]
    [DataRow(nameof(Targets.Throwing.Sync))]
    [DataRow(nameof(Targets.Throwing.AsyncTask))]
    [DataRow(nameof(Targets.Throwing.AsyncValueTask))]
    public async Task InvokeAsync_MethodThrows_ThrowsTheOriginalExceptionUnwrapped(string method)
    {
        var exception = await Assert.ThrowsExactlyAsync<InvalidOperationException>(
            () => LifecycleMethods.InvokeAsync(Method(typeof(Targets.Throwing), method), CancellationToken.None));

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
