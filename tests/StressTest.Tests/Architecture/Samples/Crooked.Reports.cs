// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Tests.Architecture.Samples.Crooked.Controller;

namespace StressTest.Tests.Architecture.Samples.Crooked.Reports;

/// <summary>A report that reaches back into the controller: Reports uses Controller.</summary>
internal static class Page
{
    public static string Render(int count) => Run.Describe(count);
}
