// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>
/// The names under which the engine publishes OpenTelemetry data, for a test project (or an API) that wires up its
/// own SDK: <c>.AddSource(StressTestTelemetry.Name)</c>, <c>.AddMeter(StressTestTelemetry.Name)</c>, and the baggage
/// keys every traced request carries, to filter the API's traces to one run.
/// </summary>
public static class StressTestTelemetry
{
    /// <summary>The <c>ActivitySource</c> and the <c>Meter</c>: <c>StressTest</c>.</summary>
    public const string Name = "StressTest";

    /// <summary>Baggage key of the run id (as <see cref="StressContext.RunId"/>): <c>stresstest.run_id</c>.</summary>
    public const string RunIdKey = "stresstest.run_id";

    /// <summary>Baggage key of the test's fully qualified name: <c>stresstest.test</c>.</summary>
    public const string TestKey = "stresstest.test";
}
