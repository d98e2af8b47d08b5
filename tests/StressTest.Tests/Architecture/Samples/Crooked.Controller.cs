// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Tests.Architecture.Samples.Crooked.Workers;

namespace StressTest.Tests.Architecture.Samples.Crooked.Controller;

/// <summary>A controller that drives workers directly: Controller uses Workers.</summary>
internal static class Run
{
    public static string Describe(int count) => count + " " + new Slot().Render();
}
