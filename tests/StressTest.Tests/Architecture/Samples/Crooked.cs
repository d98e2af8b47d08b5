// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Tests.Architecture.Samples.Crooked.Workers;

namespace StressTest.Tests.Architecture.Samples.Crooked;

/// <summary>A crooked sample house: one forbidden arrow for each rule of the house, each drawn by one reference.
/// The public root reaches into a room.</summary>
public sealed class Context
{
    internal Slot? Slot { get; set; }
}
