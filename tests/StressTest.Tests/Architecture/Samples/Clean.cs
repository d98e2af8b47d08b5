// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Tests.Architecture.Samples.Clean;

/// <summary>A clean sample house: its public root uses only what is declared beside it.</summary>
public sealed class Context
{
    internal IScope? Scope { get; set; }
}

/// <summary>Declared beside the public root, implemented by a room.</summary>
internal interface IScope
{
    int Id { get; }
}
