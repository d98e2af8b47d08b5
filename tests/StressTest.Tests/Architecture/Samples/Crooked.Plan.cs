// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Tests.Architecture.Samples.Crooked.Load;

namespace StressTest.Tests.Architecture.Samples.Crooked.Plan;

internal sealed record Declaration(string Name)
{
    public Profile? Profile { get; init; }
}
