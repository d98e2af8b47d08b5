// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Reports;

/// <summary>A written report file and what it is.</summary>
internal sealed record ReportFile(string Path, string Description);
