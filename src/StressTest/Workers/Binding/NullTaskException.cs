// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;

namespace StressTest.Workers.Binding;

/// <summary>A method declared to return a <see cref="Task"/> returned null: there is nothing to await. Without this,
/// every invocation failed with an <see cref="ArgumentNullException"/> that named neither the method nor the fix.</summary>
internal sealed class NullTaskException : InvalidOperationException
{
    public NullTaskException()
    {
    }

    public NullTaskException(string message)
        : base(message)
    {
    }

    public NullTaskException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The exception for <paramref name="method"/>.</summary>
    public static NullTaskException For(MethodInfo method) =>
        new($"{method.ReflectedType?.Name}.{method.Name} returned null instead of a Task: return Task.CompletedTask, or make the method async.");
}
