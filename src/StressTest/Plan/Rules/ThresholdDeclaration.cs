// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Plan.Rules;

/// <summary>A <c>[Threshold]</c> as written.</summary>
/// <param name="Expression">The expression (null when the attribute could not be read).</param>
/// <param name="Step">The step it applies to, when set.</param>
internal sealed record ThresholdDeclaration(string? Expression, string? Step = null);
