// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Monitoring.Generator;

namespace StressTest.Tests.TestSupport;

/// <summary>The warning runs through the runner carry when these tests (and the engine) are Debug builds, as they are
/// by default: tests that expect no other message or warning expect exactly this one, and nothing in Release.</summary>
internal static class DebugBuild
{
    /// <summary>The warning, or null in a Release build.</summary>
    public static string? Warning { get; } = BuildCheck.Warning(typeof(DebugBuild).Assembly);

    /// <summary>The whole message of an otherwise silent passed run.</summary>
    public static string Message => Warning ?? string.Empty;

    /// <summary>The warnings of an otherwise silent run.</summary>
    public static IReadOnlyList<string> Warnings => Warning is null ? [] : [Warning];
}
