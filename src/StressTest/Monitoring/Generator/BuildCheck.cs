// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Reflection;

namespace StressTest.Monitoring.Generator;

/// <summary>
/// Whether the load generator runs optimised code: `dotnet test` builds Debug by default, and a Debug build's JIT
/// optimisation is off (<see cref="DebuggableAttribute.IsJITOptimizerDisabled"/>), so the test's own code, and the engine
/// when it was built from source in Debug, run slower than they will anywhere that matters. BenchmarkDotNet refuses to
/// measure such a build; a stress test says so instead, with the one-line fix.
/// </summary>
internal static class BuildCheck
{
    /// <summary>What Debug cost on the HTTP benchmark (docs/benchmarks.md), quoted in the warning.</summary>
    public const string MeasuredCost = "on the HTTP benchmark a Debug test assembly made 0.82× the requests/s of the Release one";

    /// <summary>True unless the assembly was compiled with the JIT optimiser disabled (a Debug build).</summary>
    public static bool IsOptimized(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };
    }

    /// <summary>The file names of the unoptimised assemblies among the test's and the engine's; empty when both are
    /// optimised.</summary>
    public static IReadOnlyList<string> DebugAssemblies(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        return [.. new[] { testAssembly, typeof(BuildCheck).Assembly }.Distinct().Where(a => !IsOptimized(a)).Select(a => a.GetName().Name + ".dll")];
    }

    /// <summary>The warning a run of an unoptimised build carries, null otherwise.</summary>
    public static string? Warning(Assembly testAssembly)
    {
        var debug = DebugAssemblies(testAssembly);
        return debug.Count == 0
            ? null
            : $"Warning: {string.Join(" and ", debug)} {(debug.Count == 1 ? "is a Debug build" : "are Debug builds")} (JIT optimisation off): "
                + $"the load generator runs slower code than it will in Release ({MeasuredCost}). Fix: dotnet test -c Release.";
    }
}
