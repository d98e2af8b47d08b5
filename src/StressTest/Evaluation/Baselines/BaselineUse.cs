// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Evaluation.Baselines;

/// <summary>Which baseline a run was judged against: its file, whether it was there (<c>compared</c>) or not
/// (<c>missing</c>), the run it records, and why its numbers may not be comparable.</summary>
internal sealed record BaselineUse(string Path, string Status, string? RunId, DateTimeOffset? StartedAt, IReadOnlyList<string> Warnings);
