// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Tests.Architecture.Samples.Crooked.Reports;

namespace StressTest.Tests.Architecture.Samples.Crooked.Evaluation;

/// <summary>A verdict read from a rendered page: Evaluation uses Reports.</summary>
internal static class Judge
{
    public static bool Passed() => Page.Render(0).Length > 0;
}
