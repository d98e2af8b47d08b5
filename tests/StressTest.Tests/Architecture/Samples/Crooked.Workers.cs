// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Tests.Architecture.Samples.Crooked.Reports;

namespace StressTest.Tests.Architecture.Samples.Crooked.Workers;

/// <summary>A worker that renders: Workers uses Reports.</summary>
internal sealed class Slot
{
    public string Render() => Page.Render(1);
}
