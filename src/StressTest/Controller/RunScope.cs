// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Errors;
using StressTest.Plan;

namespace StressTest.Controller;

/// <summary>One run as the controller's steps share it: the plan, the run's identity and what the run found.</summary>
internal sealed record RunScope(StressPlan Plan, string RunId, DateTimeOffset StartedAt, RunDiagnostics Diagnostics);
