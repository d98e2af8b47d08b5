// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.TestAdapter;

/// <summary>Identifiers the adapter shares with VSTest.</summary>
internal static class AdapterInfo
{
    public const string ExecutorUri = "executor://stresstest/v1";

    /// <summary>A <c>datacollector://</c> attachment URI puts files into the TRX's CollectorDataEntries, the only
    /// place that keeps each file's description (any other URI drops them).</summary>
    public const string AttachmentUri = "datacollector://stresstest/v1";
}
