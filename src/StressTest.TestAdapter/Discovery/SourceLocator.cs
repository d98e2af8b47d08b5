// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace StressTest.TestAdapter.Discovery;

/// <summary>
/// Finds a method's file and line in the portable PDB, for Test Explorer's "go to test". For an async method the
/// PDB maps the compiler's state machine, not the method, so it asks for the state machine's MoveNext.
/// </summary>
internal sealed class SourceLocator : IDisposable
{
    private const string AsyncStateMachineAttributeName = "System.Runtime.CompilerServices.AsyncStateMachineAttribute";
    private readonly DiaSession? _session;

    public SourceLocator(string source)
    {
        try
        {
            _session = new DiaSession(source);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or NotSupportedException or BadImageFormatException)
        {
            _session = null; // no PDB: tests are still discovered, just without a location
        }
    }

    public (string? File, int Line) Locate(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (_session is null || method.DeclaringType?.FullName is not { } typeName)
        {
            return (null, 0);
        }

        // For a method without sequence points (an async method's stub) DiaSession returns data with an empty
        // FileName and MinLineNumber int.MaxValue, not null.
        var data = _session.GetNavigationData(typeName, method.Name);
        if (string.IsNullOrEmpty(data?.FileName) && StateMachineOf(method) is { FullName: { } machine })
        {
            data = _session.GetNavigationData(machine, "MoveNext");
        }

        return string.IsNullOrEmpty(data?.FileName) ? (null, 0) : (data.FileName, data.MinLineNumber);
    }

    public void Dispose() => _session?.Dispose();

    private static Type? StateMachineOf(MethodInfo method) => method.GetCustomAttributesData()
        .Where(a => a.AttributeType.FullName == AsyncStateMachineAttributeName && a.ConstructorArguments.Count == 1)
        .Select(a => a.ConstructorArguments[0].Value as Type)
        .FirstOrDefault();
}
