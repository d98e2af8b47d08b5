// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Workers.Binding;

namespace StressTest.Tests.Workers.Binding;

/// <summary>Every supported method shape compiled into the one invocation signature.</summary>
[TestClass]
public sealed class MethodBindingTests
{
    [TestMethod]
    [DataRow(nameof(Shapes.Void), false, false)]
    [DataRow(nameof(Shapes.VoidContext), true, false)]
    [DataRow(nameof(Shapes.VoidToken), false, true)]
    [DataRow(nameof(Shapes.VoidContextToken), true, true)]
    [DataRow(nameof(Shapes.Task), false, false)]
    [DataRow(nameof(Shapes.TaskContext), true, false)]
    [DataRow(nameof(Shapes.TaskToken), false, true)]
    [DataRow(nameof(Shapes.TaskContextToken), true, true)]
    [DataRow(nameof(Shapes.ValueTask), false, false)]
    [DataRow(nameof(Shapes.ValueTaskContext), true, false)]
    [DataRow(nameof(Shapes.ValueTaskToken), false, true)]
    [DataRow(nameof(Shapes.ValueTaskContextToken), true, true)]
    public async Task BindTo_EveryShape_InvokesWithTheGivenContextAndTokenAndAwaitsCompletion(string method, bool takesContext, bool takesToken)
    {
        var binding = Bind(typeof(Shapes), method);
        var instance = (Shapes)binding.CreateInstance()!;
        using var source = new CancellationTokenSource();
        var context = new StressContext("run", 3);

        var pending = binding.BindTo(instance)(context, source.Token);
        var isAsync = !method.StartsWith("Void", StringComparison.Ordinal);
        Assert.AreEqual(!isAsync, pending.IsCompleted, "an asynchronous method's invocation completes only when the method does");
        instance.Release();
        await pending;

        Assert.AreEqual(1, instance.Calls);
        Assert.IsTrue(instance.Completed, "an asynchronous method must have run to its end when the invocation completes");
        Assert.AreSame(takesContext ? context : null, instance.Context);
        Assert.AreEqual(takesToken ? source.Token : CancellationToken.None, instance.Token);
    }

    [TestMethod]
    [DataRow(nameof(StaticShapes.Void))]
    [DataRow(nameof(StaticShapes.Task))]
    [DataRow(nameof(StaticShapes.ValueTask))]
    public async Task BindTo_StaticMethod_NeedsNoInstance(string method)
    {
        var binding = Bind(typeof(StaticShapes), method);
        var context = new StressContext("run", 0);

        Assert.IsFalse(binding.NeedsInstance);
        Assert.IsNull(binding.CreateInstance());
        await binding.BindTo(null)(context, CancellationToken.None);

        Assert.AreSame(context, StaticShapes.LastContext(method));
    }

    [TestMethod]
    public void CreateInstance_CalledTwice_ReturnsDistinctInstances()
    {
        var binding = Bind(typeof(Shapes), nameof(Shapes.Void));

        var first = binding.CreateInstance();
        var second = binding.CreateInstance();

        Assert.IsTrue(binding.NeedsInstance);
        Assert.IsInstanceOfType<Shapes>(first);
        Assert.IsInstanceOfType<Shapes>(second);
        Assert.AreNotSame(first, second);
    }

    [TestMethod]
    public async Task BindTo_TwoInstances_EachInvocationUsesItsOwnInstance()
    {
        var binding = Bind(typeof(Shapes), nameof(Shapes.Void));
        var first = (Shapes)binding.CreateInstance()!;
        var second = (Shapes)binding.CreateInstance()!;
        var context = new StressContext("run", 0);

        await binding.BindTo(first)(context, CancellationToken.None);
        await binding.BindTo(first)(context, CancellationToken.None);
        await binding.BindTo(second)(context, CancellationToken.None);

        Assert.AreEqual(2, first.Calls);
        Assert.AreEqual(1, second.Calls);
    }

    [TestMethod]
    public void CreateInstance_ConstructorThrows_PropagatesTheExceptionUnwrapped()
    {
        var binding = Bind(typeof(ThrowingConstructor), nameof(ThrowingConstructor.Run));

        var exception = Assert.ThrowsExactly<InvalidOperationException>(() => binding.CreateInstance());

        Assert.AreEqual("constructor failed", exception.Message);
    }

    [TestMethod]
    public void BindTo_MethodThrowsSynchronously_PropagatesTheExceptionUnwrapped()
    {
        var binding = Bind(typeof(Throwing), nameof(Throwing.Sync));
        var invoke = binding.BindTo(null);

        Assert.ThrowsExactly<InvalidOperationException>(() => invoke(new StressContext("run", 0), CancellationToken.None));
    }

    [TestMethod]
    [DataRow(nameof(Throwing.AsyncTask))]
    [DataRow(nameof(Throwing.AsyncValueTask))]
    public async Task BindTo_MethodFaultsAsynchronously_AwaitingThrowsTheException(string method)
    {
        var invoke = Bind(typeof(Throwing), method).BindTo(null);

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(async () => await invoke(new StressContext("run", 0), CancellationToken.None));
    }

    private static MethodBinding Bind(Type type, string method)
    {
        var binding = MethodBinding.Create(type, type.GetMethod(method)!);
        Assert.IsTrue(binding.IsSuccess, binding.Error);
        return binding.Value;
    }

    public sealed class Shapes
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls { get; private set; }

        public bool Completed { get; private set; }

        public StressContext? Context { get; private set; }

        public CancellationToken Token { get; private set; }

        public void Void() => Record(null, default);

        public void VoidContext(StressContext context) => Record(context, default);

        public void VoidToken(CancellationToken token) => Record(null, token);

        public void VoidContextToken(StressContext context, CancellationToken token) => Record(context, token);

        public async Task Task() => await RecordLaterAsync(null, default);

        public async Task TaskContext(StressContext context) => await RecordLaterAsync(context, default);

        public async Task TaskToken(CancellationToken token) => await RecordLaterAsync(null, token);

        public async Task TaskContextToken(StressContext context, CancellationToken token) => await RecordLaterAsync(context, token);

        public async ValueTask ValueTask() => await RecordLaterAsync(null, default);

        public async ValueTask ValueTaskContext(StressContext context) => await RecordLaterAsync(context, default);

        public async ValueTask ValueTaskToken(CancellationToken token) => await RecordLaterAsync(null, token);

        public async ValueTask ValueTaskContextToken(StressContext context, CancellationToken token) => await RecordLaterAsync(context, token);

        private void Record(StressContext? context, CancellationToken token)
        {
            Calls++;
            Context = context;
            Token = token;
            Completed = true;
        }

        /// <summary>Lets the asynchronous shapes run to their end.</summary>
        public void Release() => _release.TrySetResult();

        // Stays pending until the test releases it, so only an invocation that awaits the method sees it complete.
        private async System.Threading.Tasks.Task RecordLaterAsync(StressContext? context, CancellationToken token)
        {
            Calls++;
            Context = context;
            Token = token;
            await _release.Task;
            Completed = true;
        }
    }

    public static class StaticShapes
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, StressContext> Seen = new(StringComparer.Ordinal);

        public static StressContext? LastContext(string method) => Seen.GetValueOrDefault(method);

        public static void Void(StressContext context) => Seen[nameof(Void)] = context;

        public static async Task Task(StressContext context)
        {
            await System.Threading.Tasks.Task.Yield();
            Seen[nameof(Task)] = context;
        }

        public static async ValueTask ValueTask(StressContext context)
        {
            await System.Threading.Tasks.Task.Yield();
            Seen[nameof(ValueTask)] = context;
        }
    }

    public sealed class ThrowingConstructor
    {
        public ThrowingConstructor() => throw new InvalidOperationException("constructor failed");

        public void Run()
        {
        }
    }

    public static class Throwing
    {
        public static void Sync() => throw new InvalidOperationException("sync");

        public static async Task AsyncTask()
        {
            await Task.Yield();
            throw new InvalidOperationException("async task");
        }

        public static async ValueTask AsyncValueTask()
        {
            await Task.Yield();
            throw new InvalidOperationException("async value task");
        }
    }
}
