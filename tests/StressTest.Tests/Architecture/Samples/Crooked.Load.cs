// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Tests.Architecture.Samples.Crooked.Plan;

namespace StressTest.Tests.Architecture.Samples.Crooked.Load;

/// <summary>Load uses Plan while Plan uses Load: a cycle.</summary>
internal sealed record Profile(Declaration Declaration);
