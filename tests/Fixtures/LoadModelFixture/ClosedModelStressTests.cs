// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace LoadModelFixture;

/// <summary>The closed model ramped by Stages: the targets are numbers of workers.</summary>
public sealed class ClosedModelStressTests
{
    /// <summary>
    /// Passes: 0 to 4 workers over 1 s, 4 for 1 s, 4 to 0 over 1 s. Worker n (from 0) is active while the target is
    /// at least n + 1, so the workers are busy for 1.5 + 4 + 1.5 = 7 worker-seconds in all.
    /// </summary>
    [StressTest(Stages = "1s:4, 1s:4, 1s:0")]
    public static async Task ClosedStages(CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, ct);
    }
}
