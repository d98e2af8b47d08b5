// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Tests.Architecture.Samples.Clean.Transport;

namespace StressTest.Tests.Architecture.Samples.Clean.Workers;

internal sealed class Slot(Message message) : IScope
{
    public Context Context { get; } = new();

    public int Id => message.Profile.Workers;
}
